/**
 * Entries of every content type: the generic editor (the list is entry-list.ts), driven by the content type and its editor interface, one locale at a time.
 * Saves are per-field patches (patchEntryFields) of what the form changed in its locale, so
 * fields and locales the form does not show are never touched. Articles keep their own editor.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { assertCan, can, type Actor } from '../../auth/index.js';
import type { FieldChange } from '../../content/index.js';
import { FolioError, isFolioError } from '../../errors/index.js';
import type { ContentTypeRecord, EntryRecord, Json, LocaleRecord, LocalizedFields } from '../../store/types.js';
import * as is from '../../validate/is.js';
import type { AdminContext } from '../context.js';
import { formFields, parseRaw, rawFrom, rawOf, sameRaw, type FormField, type Raw } from '../entry-form.js';
import { actorOf, csrfFor, formString, sendPage, viewerOf } from '../http.js';
import * as ops from '../operations.js';
import { refusalOf } from '../refusals.js';
import { statusOf, type Status } from '../status.js';
import { renderEntries } from '../views/entries.js';
import { entryHref, renderEntryEdit } from '../views/entry-edit.js';
import type { FieldView, LinkChoice } from '../views/entry-fields.js';
import type { FieldProblem } from '../views/layout.js';
import { removalRoutes } from './article-removal.js';

type One = FastifyRequest<{ Params: { id: string }; Querystring: { locale?: string; done?: string } }>;
type New = FastifyRequest<{ Querystring: { type?: string; locale?: string } }>;

interface PageState {
  /** What the person sent, shown again after a refusal so nothing typed is lost. */
  raws?: Map<string, Raw>;
  problems?: FieldProblem[];
  notice?: string | undefined;
  conflict?: boolean;
  status?: number;
}

type Saved = { entry: EntryRecord | undefined; problems: FieldProblem[]; raws: Map<string, Raw> } | { conflict: true; raws: Map<string, Raw> };

const notices: Record<string, string> = {
  saved: 'Draft saved.',
  published: 'Published.',
  unpublished: 'Unpublished.',
  archived: 'Archived. Unarchive it to edit or publish it again.',
  unarchived: 'Unarchived. It is a draft again.',
};

const intents = ['save', 'publish', 'unpublish', 'unarchive'] as const;
type Intent = (typeof intents)[number];

/** Validation errors name `fields.<id>.<locale>`: shown beside that field. */
const fieldOfError = (item: { path?: unknown[] }) => (Array.isArray(item.path) && item.path[0] === 'fields' && is.string(item.path[1]) ? item.path[1] : undefined);

const linkedIds = (raw: Raw) => raw.filter((id) => id !== '');

export async function entryRoutes(app: FastifyInstance, opts: { context: AdminContext }) {
  const ctx = opts.context;
  const defaultLocale = ctx.locale;

  const titleOf = (entry: EntryRecord, types: Map<string, ContentTypeRecord>) => {
    const field = types.get(entry.sys.contentTypeId)?.displayField;
    const v = field ? entry.fields[field]?.[defaultLocale] : undefined;
    return is.string(v) || is.number(v) ? String(v) : '';
  };
  const typeMap = async () => new Map((await ops.listContentTypes(ctx)).map((t) => [t.sys.id, t]));

  /** The locale asked for, if the space has it; the editor's default otherwise. */
  const localeOf = (locales: LocaleRecord[], asked: unknown) => (is.string(asked) && locales.some((l) => l.code === asked) ? asked : defaultLocale);

  /** Articles have their own editor (slug rules, rich text, images): the generic one sends them there. */
  const articleHref = (id: string) => `/admin/articles/${encodeURIComponent(id)}`;

  /** Link pickers' choices, read once per set of allowed types. */
  async function choicesFor(actor: Actor, fields: FormField[], raws: Map<string, Raw>, types: Map<string, ContentTypeRecord>) {
    const out = new Map<string, LinkChoice[]>();
    const entryCache = new Map<string, Promise<EntryRecord[]>>();
    for (const f of fields) {
      const linked = linkedIds(raws.get(f.def.id) ?? []);
      if (f.kind === 'entry' || f.kind === 'entries') {
        const key = JSON.stringify([f.linkTypes, linked]);
        if (!entryCache.has(key)) entryCache.set(key, ops.entryChoices(ctx, actor, f.linkTypes, linked));
        const entries = await entryCache.get(key)!;
        out.set(
          f.def.id,
          entries.map((e) => ({ id: e.sys.id, label: `${titleOf(e, types) || 'Untitled'} (${types.get(e.sys.contentTypeId)?.name ?? e.sys.contentTypeId})`, status: statusOf(e.sys) })),
        );
      } else if (f.kind === 'asset' || f.kind === 'assets') {
        const assets = await ops.assetChoices(ctx, actor, linked);
        out.set(
          f.def.id,
          assets.map((a) => {
            const file = a.fields.file?.[defaultLocale];
            const name = a.fields.title?.[defaultLocale] ?? (is.plainObject(file) ? file.fileName : undefined);
            return { id: a.sys.id, label: is.string(name) && name ? name : a.sys.id };
          }),
        );
      }
    }
    return out;
  }

  /** The value readers of this locale get when it has none: the first locale down its fallback chain that has one. */
  function fallbackOf(locales: LocaleRecord[], locale: string, byLocale: Record<string, Json> | undefined) {
    const seen = new Set([locale]);
    let next = locales.find((l) => l.code === locale)?.fallbackCode ?? null;
    while (next && !seen.has(next)) {
      seen.add(next);
      const v = byLocale?.[next];
      if (v !== undefined && v !== null) return { locale: next, value: v };
      next = locales.find((l) => l.code === next)?.fallbackCode ?? null;
    }
    return undefined;
  }

  /** Fields editable in this locale: a field that is not localized has only the default locale's value. */
  const editableIn = (f: FormField, locale: string) => f.def.localized || locale === defaultLocale;

  async function editPage(request: FastifyRequest, reply: FastifyReply, typeId: string, entry: EntryRecord | undefined, locale: string, state: PageState = {}) {
    const actor = actorOf(request);
    const [{ type, controls }, locales, types] = await Promise.all([ops.getEditable(ctx, actor, typeId), ctx.store.locales.list(ctx.scope), typeMap()]);
    const fields = formFields(type.fields, controls);
    const raws = new Map(fields.map((f) => [f.def.id, state.raws?.get(f.def.id) ?? rawOf(f, entry?.fields[f.def.id]?.[locale])]));
    const choices = await choicesFor(actor, fields, raws, types);
    const views: FieldView[] = fields.map((f) => {
      const stored = entry?.fields[f.def.id];
      const fallback = stored?.[locale] === undefined ? fallbackOf(locales, locale, stored) : undefined;
      return {
        field: f,
        raw: raws.get(f.def.id)!,
        fallback: fallback && { locale: fallback.locale, raw: rawOf(f, fallback.value) },
        ...(choices.has(f.def.id) ? { choices: choices.get(f.def.id)! } : {}),
        readOnlyNote: editableIn(f, locale) ? undefined : `The same in every locale: edit it in ${defaultLocale}.`,
      };
    });
    const ownership = entry ? ops.ownershipOf(entry.sys) : undefined;
    const status: Status = entry ? statusOf(entry.sys) : 'draft';
    return sendPage(
      reply,
      renderEntryEdit({
        viewer: viewerOf(request),
        csrf: csrfFor(request, reply, ctx.publicUrl),
        type: { id: type.sys.id, name: type.name },
        id: entry?.sys.id ?? '',
        version: entry?.sys.version ?? 0,
        status,
        title: entry ? titleOf(entry, types) : '',
        locale,
        locales: locales.map((l) => ({ code: l.code, name: l.name })),
        fields: views,
        problems: state.problems ?? [],
        notice: state.notice,
        conflict: state.conflict ?? false,
        can: {
          save: status !== 'archived' && (entry ? can(actor, 'update', ownership) : can(actor, 'create')),
          publish: can(actor, 'publish', ownership),
          unpublish: can(actor, 'unpublish', ownership),
          archive: !!entry && can(actor, 'archive', ownership),
          delete: !!entry && can(actor, 'delete', ownership),
        },
      }),
      state.status ?? 200,
    );
  }

  /**
   * Saves what the form changed in its locale and what of it is valid: a field is a change only
   * when its inputs differ from the stored value's. A value the form or the content rules refuse
   * is left out and reported beside its field; the rest is stored.
   */
  async function save(actor: Actor, typeId: string, entry: EntryRecord | undefined, body: unknown, locale: string, version: number): Promise<Saved> {
    const { type, controls } = await ops.getEditable(ctx, actor, typeId);
    const problems: FieldProblem[] = [];
    const raws = new Map<string, Raw>();
    let changes: FieldChange[] = [];
    for (const f of formFields(type.fields, controls)) {
      const sent = editableIn(f, locale) ? rawFrom(body, f) : undefined;
      if (!sent) continue;
      raws.set(f.def.id, sent);
      const stored = entry?.fields[f.def.id]?.[locale];
      if (sameRaw(f, sent, rawOf(f, stored))) continue;
      const parsed = parseRaw(f, sent, stored);
      if ('problem' in parsed) problems.push({ field: f.def.id, message: parsed.problem });
      else changes.push({ field: f.def.id, locale, value: parsed.value });
    }
    if (changes.length === 0) return { entry, problems, raws };
    // Every refusal is reported at once, so one retry without the refused values is enough.
    for (let attempt = 0; ; attempt++) {
      try {
        const saved = entry ? await ops.patchAnyEntry(ctx, actor, { id: entry.sys.id, version, changes }) : await ops.createAnyEntry(ctx, actor, typeId, fieldsOf(changes));
        return { entry: saved, problems, raws };
      } catch (err) {
        if (isFolioError(err) && err.code === 'VERSION_MISMATCH') return { conflict: true, raws };
        const refusal = refusalOf(err, 'form', fieldOfError);
        if (!refusal) throw err;
        problems.push(...refusal.problems);
        const left = changes.filter((c) => !refusal.problems.some((p) => p.field === c.field));
        if (attempt > 0 || left.length === changes.length || left.length === 0) return { entry, problems, raws };
        changes = left;
      }
    }
  }

  async function submit(request: FastifyRequest, reply: FastifyReply, typeId: string, current: EntryRecord | undefined) {
    const actor = actorOf(request);
    const body = request.body;
    const intent = (formString(body, 'intent') || 'save') as Intent;
    if (!intents.includes(intent)) throw new FolioError('BAD_REQUEST', 'Unknown action.');
    const locale = localeOf(await ctx.store.locales.list(ctx.scope), formString(body, 'locale'));
    const version = Number(formString(body, 'version'));
    // Refused before anything is saved: whoever may not do this hears that, not a half-done save.
    if (current && intent !== 'save') ops.assertAllowed(actor, intent === 'unarchive' ? 'archive' : intent, current);
    else if (intent === 'publish') assertCan(actor, 'publish');
    else if (!current) assertCan(actor, 'create');
    if (intent === 'unpublish' || intent === 'unarchive') {
      const done = await ops.entryActions[intent](ctx, actor, current!.sys.id, version).catch((err: unknown) => err);
      if (done instanceof Error) return refused(request, reply, typeId, current, locale, done, new Map());
      return reply.redirect(entryHref(current!.sys.id, locale, defaultLocale, `done=${intent}d`), 303);
    }
    const saved = await save(actor, typeId, current, body, locale, version);
    if ('conflict' in saved) {
      const latest = current && (await ops.getAnyEntry(ctx, actor, current.sys.id));
      return editPage(request, reply, typeId, latest, locale, { raws: saved.raws, conflict: true, status: 409 });
    }
    if (!saved.entry) {
      // Nothing to keep yet: no empty draft is made.
      if (saved.problems.length === 0) return reply.redirect(`/admin/entries/new?type=${encodeURIComponent(typeId)}&locale=${encodeURIComponent(locale)}`, 303);
      return editPage(request, reply, typeId, undefined, locale, { raws: saved.raws, problems: saved.problems, status: 422 });
    }
    if (saved.problems.length) {
      const notice = saved.entry !== current ? 'Your other changes were saved as a draft; the values marked below were not.' : undefined;
      return editPage(request, reply, typeId, saved.entry, locale, { raws: saved.raws, problems: saved.problems, notice, status: 422 });
    }
    const id = saved.entry.sys.id;
    if (intent === 'publish') {
      try {
        await ops.entryActions.publish(ctx, actor, id, saved.entry.sys.version);
      } catch (err) {
        return refused(request, reply, typeId, saved.entry, locale, err, saved.raws, 'Your changes were saved as a draft, but the entry was not published.');
      }
    }
    return reply.redirect(entryHref(id, locale, defaultLocale, `done=${intent === 'publish' ? 'published' : 'saved'}`), 303);
  }

  /** A refusal of the operation (validation, a stale version) shown on the form, in the API's words. */
  function refused(request: FastifyRequest, reply: FastifyReply, typeId: string, entry: EntryRecord | undefined, locale: string, err: unknown, raws: Map<string, Raw>, notice?: string) {
    const refusal = refusalOf(err, 'form', fieldOfError);
    if (!refusal) throw err;
    return editPage(request, reply, typeId, entry, locale, { raws, problems: refusal.problems, notice, status: refusal.status });
  }

  app.get('/admin/entries/new', async (request: New, reply) => {
    assertCan(actorOf(request), 'create');
    const typeId = request.query.type ?? '';
    if (typeId === ops.articleType) return reply.redirect('/admin/articles/new', 303);
    const locale = localeOf(await ctx.store.locales.list(ctx.scope), request.query.locale);
    return editPage(request, reply, typeId, undefined, locale);
  });

  /** The new entry's form: the draft is made by the first save that has something in it. */
  app.post('/admin/entries/new', async (request: New, reply) => {
    const typeId = request.query.type ?? '';
    if (typeId === ops.articleType) throw new FolioError('BAD_REQUEST', 'Articles are written in the article editor.');
    return submit(request, reply, typeId, undefined);
  });

  app.get('/admin/entries/:id', async (request: One, reply) => {
    const entry = await ops.getAnyEntry(ctx, actorOf(request), request.params.id);
    if (entry.sys.contentTypeId === ops.articleType) return reply.redirect(articleHref(entry.sys.id), 303);
    const locale = localeOf(await ctx.store.locales.list(ctx.scope), request.query.locale);
    const notice = request.query.done ? notices[request.query.done] : undefined;
    return editPage(request, reply, entry.sys.contentTypeId, entry, locale, notice ? { notice } : {});
  });

  app.post('/admin/entries/:id', async (request: One, reply) => {
    const entry = await ops.getAnyEntry(ctx, actorOf(request), request.params.id);
    if (entry.sys.contentTypeId === ops.articleType) throw new FolioError('BAD_REQUEST', 'Articles are edited in the article editor.');
    return submit(request, reply, entry.sys.contentTypeId, entry);
  });

  await app.register(removalRoutes, {
    context: ctx,
    base: '/admin/entries',
    noun: 'entry',
    section: 'content',
    load: async (actor, id) => {
      const entry = await ops.getAnyEntry(ctx, actor, id);
      if (entry.sys.contentTypeId === ops.articleType) throw new FolioError('NOT_FOUND', 'Articles are removed from the article editor.');
      return entry;
    },
    nameOf: async (entry) => titleOf(entry, await typeMap()) || 'Untitled entry',
    afterDelete: (entry) => `/admin/entries?type=${encodeURIComponent(entry.sys.contentTypeId)}&removed=1`,
    afterArchive: (entry) => `/admin/entries/${entry.sys.id}?done=archived`,
  });
}

/** A new entry's fields from its first changes (null-prototype: field ids never reach a prototype). */
function fieldsOf(changes: FieldChange[]): LocalizedFields {
  const fields: LocalizedFields = Object.create(null);
  for (const { field, locale, value } of changes) if (value !== undefined) fields[field] = { ...(fields[field] ?? {}), [locale]: value };
  return fields;
}
