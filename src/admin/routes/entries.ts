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
import { formFields, inputsOf, parseRaw, rawFrom, rawOf, sameRaw, sentInOrder, sideColumn, type FormField, type Raw } from '../entry-form.js';
import { pagePolicy } from '../../http/security-headers.js';
import { patternOrigin, previewPattern, previewSource } from '../preview.js';
import { actorOf, csrfFor, formString, sendPage, viewerOf } from '../http.js';
import { entryTitle } from '../entry-title.js';
import { createAndLink, creatableTypes } from '../link-create.js';
import * as ops from '../operations.js';
import { refusalOf } from '../refusals.js';
import { statusOf, type Status } from '../status.js';
import { renderEntries } from '../views/entries.js';
import { entryHref, renderEntryEdit } from '../views/entry-edit.js';
import type { EntryProblem, FieldView, LinkChoice } from '../views/entry-fields.js';
import { removalRoutes } from './article-removal.js';
import { commentsPanelFor } from './comments.js';
import { applyChoices, differingFields, type DifferingField } from '../conflict.js';
import { conflictPanel } from '../views/conflict.js';

type One = FastifyRequest<{ Params: { id: string }; Querystring: { locale?: string; side?: string; done?: string; linked?: string } }>;
type New = FastifyRequest<{ Querystring: { type?: string; locale?: string; side?: string } }>;

/** A locale the form shows, and the prefix of its inputs: the form's own, and one beside it. */
interface Column {
  locale: string;
  column: string;
}

/** What the form sent, by locale and field id, shown again after a refusal so nothing typed is lost. */
type Raws = Map<string, Raw>;
const rawKey = (locale: string, fieldId: string) => `${locale}\u0000${fieldId}`;

interface PageState {
  raws?: Raws;
  problems?: EntryProblem[];
  notice?: string | undefined;
  /** A link after the notice (the entry it speaks of). */
  noticeLink?: { href: string; text: string } | undefined;
  /** A lost save: the fields that differ from the latest version, to choose between. */
  conflict?: DifferingField[];
  status?: number;
}

/** A lost race carries the changes the person sent, to compare with the latest version. */
type Saved = { entry: EntryRecord | undefined; problems: EntryProblem[]; raws: Raws } | { conflict: true; raws: Raws; changes: FieldChange[] };

const notices: Record<string, string> = {
  saved: 'Draft saved.',
  published: 'Published.',
  unpublished: 'Unpublished.',
  archived: 'Archived. Unarchive it to edit or publish it again.',
  unarchived: 'Unarchived. It is a draft again.',
  linked: 'Created a new draft and linked it.',
};

/** The no-script "Create new <type>" button's value: locale, field id and content type id. */
const newLinkOf = (body: unknown) => {
  const [locale = '', field = '', type = '', ...rest] = formString(body, 'newLink').split('|');
  return locale && field && type && !rest.length ? { locale, field, type } : undefined;
};

const intents = ['save', 'publish', 'unpublish', 'unarchive'] as const;
type Intent = (typeof intents)[number];

/** Validation errors name `fields.<id>.<locale>`: shown beside that field, in that locale's column. */
const fieldOfError = (item: { path?: unknown[] }) =>
  Array.isArray(item.path) && item.path[0] === 'fields' && is.string(item.path[1]) ? `${item.path[1]}${is.string(item.path[2]) ? `\u0000${item.path[2]}` : ''}` : undefined;
const withLocale = (p: { field: string; message: string }, locale: string): EntryProblem => {
  const [field = '', at] = p.field.split('\u0000');
  return { field, message: p.message, locale: at ?? locale };
};

/** The content rules' errors (`path`, `details`) as problems beside their fields. */
const problemsOf = (errors: Array<{ path?: unknown[]; details: string }>, locale: string) =>
  errors.flatMap((e) => {
    const field = fieldOfError(e);
    return field ? [withLocale({ field, message: e.details }, locale)] : [];
  });

const linkedIds = (raw: Raw) => raw.filter((id) => id !== '');

/** Inputs an autosave may name: every field in two locales, with room to spare. */
const maxInputs = 2000;

export async function entryRoutes(app: FastifyInstance, opts: { context: AdminContext; scriptHref?: string | undefined }) {
  const ctx = opts.context;
  const defaultLocale = ctx.locale;

  const titleOf = (entry: EntryRecord, types: Map<string, ContentTypeRecord>) => entryTitle(entry, types, ctx.locale);
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
          entries.map((e) => {
            const title = titleOf(e, types) || 'Untitled';
            return { id: e.sys.id, title, label: `${title} (${types.get(e.sys.contentTypeId)?.name ?? e.sys.contentTypeId})`, status: statusOf(e.sys) };
          }),
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

  /** Contentful's rule: a required field must be filled in the default locale and, when localized, in every locale that is not optional. */
  const requiredIn = (f: FormField, locale: LocaleRecord | undefined) => f.def.required && (locale?.code === defaultLocale || (f.def.localized && locale?.optional === false));

  /** The form's locale and the one shown beside it (`side`), when the space has it and it differs. */
  function columnsOf(locales: LocaleRecord[], asked: unknown, side: unknown): Column[] {
    const locale = localeOf(locales, asked);
    const other = is.string(side) && side !== locale && locales.some((l) => l.code === side) ? side : undefined;
    return [{ locale, column: '' }, ...(other ? [{ locale: other, column: sideColumn }] : [])];
  }

  async function editPage(request: FastifyRequest, reply: FastifyReply, typeId: string, entry: EntryRecord | undefined, columns: Column[], state: PageState = {}) {
    const actor = actorOf(request);
    const [{ type, controls }, locales, types, pattern] = await Promise.all([ops.getEditable(ctx, actor, typeId), ctx.store.locales.list(ctx.scope), typeMap(), previewPattern(ctx, typeId)]);
    const fields = formFields(type.fields, controls, type.displayField);
    const raws: Raws = new Map();
    for (const { locale } of columns) for (const f of fields) raws.set(rawKey(locale, f.def.id), state.raws?.get(rawKey(locale, f.def.id)) ?? rawOf(f, entry?.fields[f.def.id]?.[locale]));
    // Link choices are the same in every column: read once, for the links of all of them.
    const linked = new Map(fields.map((f) => [f.def.id, columns.flatMap(({ locale }) => raws.get(rawKey(locale, f.def.id))!)]));
    const choices = await choicesFor(actor, fields, linked, types);
    const viewsOf = ({ locale, column }: Column): FieldView[] => {
      const record = locales.find((l) => l.code === locale);
      return fields.map((f) => {
        const stored = entry?.fields[f.def.id];
        const fallback = stored?.[locale] === undefined ? fallbackOf(locales, locale, stored) : undefined;
        const required = requiredIn(f, record);
        return {
          field: f,
          raw: raws.get(rawKey(locale, f.def.id))!,
          locale,
          column,
          required,
          optionalHere: f.def.required && !required,
          showLocale: columns.length > 1,
          fallback: fallback && { locale: fallback.locale, raw: rawOf(f, fallback.value) },
          ...(choices.has(f.def.id) ? { choices: choices.get(f.def.id)! } : {}),
          readOnlyNote: editableIn(f, locale) ? undefined : `The same in every locale: edit it in ${defaultLocale}.`,
          uploadField: can(actor, 'create') ? `${typeId}/${f.def.id}` : undefined,
          ...(f.kind === 'entry' || f.kind === 'entries'
            ? { linkField: `${typeId}/${f.def.id}`, linkKind: 'entries' as const, createTypes: creatableTypes(actor, f, types).map((t) => ({ id: t.sys.id, name: t.name })), createByForm: !!entry && editableIn(f, locale) }
            : f.kind === 'asset' || f.kind === 'assets'
              ? { linkField: `${typeId}/${f.def.id}`, linkKind: 'assets' as const }
              : {}),
        };
      });
    };
    const ownership = entry ? ops.ownershipOf(entry.sys) : undefined;
    const status: Status = entry ? statusOf(entry.sys) : 'draft';
    const locale = columns[0]!.locale;
    const previewing = typeId === ops.articleType || pattern !== '';
    const origin = patternOrigin(pattern);
    // The frame may show the pattern's site: the page's policy names it, and nothing else.
    if (origin) reply.header('content-security-policy', pagePolicy(ctx.publicUrl, { styleAttributes: false, frameSrc: [origin] })).header('x-frame-options', 'DENY');
    const csrf = csrfFor(request, reply, ctx.publicUrl);
    const comments = entry ? await commentsPanelFor(ctx, actor, entry.sys.id, csrf) : undefined;
    return sendPage(
      reply,
      renderEntryEdit({
        viewer: viewerOf(request),
        csrf,
        scriptHref: opts.scriptHref,
        type: { id: type.sys.id, name: type.name, displayField: type.displayField ?? '' },
        id: entry?.sys.id ?? '',
        version: entry?.sys.version ?? 0,
        status,
        title: entry ? titleOf(entry, types) : '',
        locale,
        side: columns[1]?.locale,
        locales: locales.map((l) => ({ code: l.code, name: l.name })),
        columns: columns.map((c) => ({ locale: c.locale, name: locales.find((l) => l.code === c.locale)?.name ?? c.locale, fields: viewsOf(c) })),
        problems: state.problems ?? [],
        notice: state.notice,
        noticeLink: state.noticeLink,
        conflict:
          entry && state.conflict
            ? conflictPanel({
                noun: 'entry',
                csrf,
                action: `/admin/entries/${entry.sys.id}/resolve`,
                version: entry.sys.version,
                latestHref: entryHref(entry.sys.id, locale, defaultLocale, columns[1] ? `side=${encodeURIComponent(columns[1].locale)}` : ''),
                fields: state.conflict,
                hidden: { locale, ...(columns[1] ? { side: columns[1].locale } : {}) },
              })
            : undefined,
        preview: previewing ? { src: entry ? ((await previewSource(ctx, entry, pattern, locale)) ?? '') : '' } : undefined,
        can: {
          save: status !== 'archived' && (entry ? can(actor, 'update', ownership) : can(actor, 'create')),
          publish: can(actor, 'publish', ownership),
          unpublish: can(actor, 'unpublish', ownership),
          archive: !!entry && can(actor, 'archive', ownership),
          delete: !!entry && can(actor, 'delete', ownership),
        },
        comments,
      }),
      state.status ?? 200,
    );
  }

  /**
   * Saves what the form changed in the locales it shows and what of it is valid: a field is a
   * change only when its inputs differ from the stored value's. A value the form or the content
   * rules refuse is left out and reported beside its field; the rest is stored.
   */
  async function save(actor: Actor, typeId: string, entry: EntryRecord | undefined, body: unknown, columns: Column[], version: number): Promise<Saved> {
    const { type, controls } = await ops.getEditable(ctx, actor, typeId);
    const problems: EntryProblem[] = [];
    const raws: Raws = new Map();
    let changes: FieldChange[] = [];
    for (const { locale, column } of columns) {
      for (const f of formFields(type.fields, controls, type.displayField)) {
        const sent = editableIn(f, locale) ? rawFrom(body, f, column) : undefined;
        if (!sent) continue;
        raws.set(rawKey(locale, f.def.id), sent);
        const stored = entry?.fields[f.def.id]?.[locale];
        const ordered = sentInOrder(body, f, column);
        if (sameRaw(f, sent, rawOf(f, stored), ordered)) continue;
        const parsed = parseRaw(f, sent, stored, ordered);
        if ('problem' in parsed) problems.push({ field: f.def.id, locale, message: parsed.problem });
        else changes.push({ field: f.def.id, locale, value: parsed.value });
      }
    }
    // A link to a type the field does not allow is refused here, beside its field, not first on publish.
    const wrongLinks = problemsOf(await ops.linkTypeErrors(ctx, type, changes), defaultLocale);
    problems.push(...wrongLinks);
    changes = changes.filter((c) => !wrongLinks.some((p) => p.field === c.field && p.locale === c.locale));
    if (changes.length === 0) return { entry, problems, raws };
    // Every refusal is reported at once, so one retry without the refused values is enough.
    for (let attempt = 0; ; attempt++) {
      try {
        const saved = entry ? await ops.patchAnyEntry(ctx, actor, { id: entry.sys.id, version, changes }) : await ops.createAnyEntry(ctx, actor, typeId, fieldsOf(changes));
        return { entry: saved, problems, raws };
      } catch (err) {
        if (isFolioError(err) && err.code === 'VERSION_MISMATCH') return { conflict: true, raws, changes };
        const refusal = refusalOf(err, 'form', fieldOfError);
        if (!refusal) throw err;
        const found = refusal.problems.map((p) => withLocale(p, defaultLocale));
        problems.push(...found);
        const left = changes.filter((c) => !found.some((p) => p.field === c.field && p.locale === c.locale));
        if (attempt > 0 || left.length === changes.length || left.length === 0) return { entry, problems, raws };
        changes = left;
      }
    }
  }

  /** Refused before anything is saved: whoever may not do this hears that, not a half-done save. */
  function assertIntent(actor: Actor, intent: Intent, current: EntryRecord | undefined) {
    if (current && intent !== 'save') ops.assertAllowed(actor, intent === 'unarchive' ? 'archive' : intent, current);
    else if (intent === 'publish') assertCan(actor, 'publish');
    else if (!current) assertCan(actor, 'create');
  }

  async function submit(request: FastifyRequest, reply: FastifyReply, typeId: string, current: EntryRecord | undefined) {
    const actor = actorOf(request);
    const body = request.body;
    const intent = (formString(body, 'intent') || 'save') as Intent;
    if (!intents.includes(intent)) throw new FolioError('BAD_REQUEST', 'Unknown action.');
    const locales = await ctx.store.locales.list(ctx.scope);
    const columns = columnsOf(locales, formString(body, 'locale'), formString(body, 'side'));
    const { locale } = columns[0]!;
    const here = (id: string, extra: string) => entryHref(id, locale, defaultLocale, [columns[1] ? `side=${encodeURIComponent(columns[1].locale)}` : '', extra].filter(Boolean).join('&'));
    const version = Number(formString(body, 'version'));
    assertIntent(actor, intent, current);
    if (intent === 'unpublish' || intent === 'unarchive') {
      const done = await ops.entryActions[intent](ctx, actor, current!.sys.id, version).catch((err: unknown) => err);
      if (done instanceof Error) return refused(request, reply, typeId, current, columns, done, new Map());
      return reply.redirect(here(current!.sys.id, `done=${intent}d`), 303);
    }
    const saved = await save(actor, typeId, current, body, columns, version);
    if ('conflict' in saved) {
      const latest = await ops.getAnyEntry(ctx, actor, current!.sys.id);
      return editPage(request, reply, typeId, latest, columns, { raws: saved.raws, conflict: differingFields(saved.changes, latest, await labelsOf(typeId)), status: 409 });
    }
    if (!saved.entry) {
      // Nothing to keep yet: no empty draft is made.
      if (saved.problems.length === 0) return reply.redirect(`/admin/entries/new?type=${encodeURIComponent(typeId)}&locale=${encodeURIComponent(locale)}`, 303);
      return editPage(request, reply, typeId, undefined, columns, { raws: saved.raws, problems: saved.problems, status: 422 });
    }
    if (saved.problems.length) {
      const notice = saved.entry !== current ? 'Your other changes were saved as a draft; the values marked below were not.' : undefined;
      return editPage(request, reply, typeId, saved.entry, columns, { raws: saved.raws, problems: saved.problems, notice, status: 422 });
    }
    const id = saved.entry.sys.id;
    const newLink = intent === 'save' ? newLinkOf(body) : undefined;
    if (newLink && columns.some((c) => c.locale === newLink.locale)) {
      const created = await createAndLink(ctx, actor, saved.entry, newLink);
      return reply.redirect(here(id, `done=linked&linked=${encodeURIComponent(created.sys.id)}`), 303);
    }
    if (intent === 'publish') {
      try {
        await ops.entryActions.publish(ctx, actor, id, saved.entry.sys.version);
      } catch (err) {
        return refused(request, reply, typeId, saved.entry, columns, err, saved.raws, 'Your changes were saved as a draft, but the entry was not published.');
      }
    }
    return reply.redirect(here(id, `done=${intent === 'publish' ? 'published' : 'saved'}`), 303);
  }

  /** A refusal of the operation (validation, a stale version) shown on the form, in the API's words. */
  function refused(request: FastifyRequest, reply: FastifyReply, typeId: string, entry: EntryRecord | undefined, columns: Column[], err: unknown, raws: Raws, notice?: string) {
    const refusal = refusalOf(err, 'form', fieldOfError);
    if (!refusal) throw err;
    return editPage(request, reply, typeId, entry, columns, { raws, problems: refusal.problems.map((p) => withLocale(p, defaultLocale)), notice, status: refusal.status });
  }

  /**
   * Autosave: the form's inputs as JSON (`values`, named as the form names them) and the version
   * the page has. What is valid is stored; what is not comes back beside its field. A stale
   * version answers 409 with the latest values of the fields shown (`theirs`), for the form to
   * compare with what the person typed.
   */
  async function autosave(request: FastifyRequest, reply: FastifyReply, typeId: string, current: EntryRecord | undefined) {
    const actor = actorOf(request);
    const body = request.body as { version?: unknown; values?: unknown } | undefined;
    if (!is.plainObject(body) || !is.integer(body.version) || !is.plainObject(body.values) || Object.keys(body.values).length > maxInputs) {
      return reply.code(400).send({ message: 'Send {version, values}.' });
    }
    assertIntent(actor, 'save', current);
    const values = body.values;
    const columns = columnsOf(await ctx.store.locales.list(ctx.scope), formString(values, 'locale'), formString(values, 'side'));
    const saved = await save(actor, typeId, current, values, columns, body.version);
    reply.header('cache-control', 'no-store');
    if ('conflict' in saved) {
      const latest = await ops.getAnyEntry(ctx, actor, current!.sys.id);
      const { type, controls } = await ops.getEditable(ctx, actor, typeId);
      const theirs: Record<string, string[]> = Object.create(null);
      for (const { locale, column } of columns) for (const f of formFields(type.fields, controls)) if (editableIn(f, locale)) Object.assign(theirs, inputsOf(f, rawOf(f, latest.fields[f.def.id]?.[locale]), column));
      return reply.code(409).send({
        conflict: true,
        version: latest.sys.version,
        theirs,
        message: 'Someone else saved this entry while you were editing. Nothing of theirs or yours is lost: choose below which value each field keeps.',
      });
    }
    const message = saved.problems.map((p) => p.message).join(' ');
    if (!saved.entry && saved.problems.length === 0) return reply.send({ problems: [], message: 'Nothing to save yet.' });
    if (!saved.entry) return reply.code(422).send({ problems: saved.problems, message, version: 0 });
    const created = !current ? { id: saved.entry.sys.id, href: `/admin/entries/${saved.entry.sys.id}` } : {};
    const pattern = await previewPattern(ctx, typeId);
    return reply.code(current ? 200 : 201).send({
      ...created,
      version: saved.entry.sys.version,
      status: statusOf(saved.entry.sys),
      problems: saved.problems,
      checks: problemsOf(await ops.publishChecks(ctx, saved.entry), defaultLocale),
      ...(saved.problems.length ? { message: `Saved, except: ${message}` } : {}),
      preview: (await previewSource(ctx, saved.entry, pattern, columns[0]!.locale)) ?? '',
    });
  }

  app.get('/admin/entries/new', async (request: New, reply) => {
    assertCan(actorOf(request), 'create');
    const typeId = request.query.type ?? '';
    if (typeId === ops.articleType) return reply.redirect('/admin/articles/new', 303);
    return editPage(request, reply, typeId, undefined, columnsOf(await ctx.store.locales.list(ctx.scope), request.query.locale, request.query.side));
  });

  /** The new entry's form: the draft is made by the first save that has something in it. */
  app.post('/admin/entries/new', async (request: New, reply) => {
    const typeId = request.query.type ?? '';
    if (typeId === ops.articleType) throw new FolioError('BAD_REQUEST', 'Articles are written in the article editor.');
    return submit(request, reply, typeId, undefined);
  });

  /** The new entry's first autosave with something in it makes the draft and says where it lives. */
  app.post('/admin/entries/new/autosave', async (request: New, reply) => {
    const typeId = request.query.type ?? '';
    if (typeId === ops.articleType) throw new FolioError('BAD_REQUEST', 'Articles are written in the article editor.');
    return autosave(request, reply, typeId, undefined);
  });

  app.post('/admin/entries/:id/autosave', async (request: One, reply) => {
    const entry = await ops.getAnyEntry(ctx, actorOf(request), request.params.id);
    if (entry.sys.contentTypeId === ops.articleType) throw new FolioError('BAD_REQUEST', 'Articles are edited in the article editor.');
    return autosave(request, reply, entry.sys.contentTypeId, entry);
  });

  app.get('/admin/entries/:id', async (request: One, reply) => {
    const entry = await ops.getAnyEntry(ctx, actorOf(request), request.params.id);
    if (entry.sys.contentTypeId === ops.articleType) return reply.redirect(articleHref(entry.sys.id), 303);
    const columns = columnsOf(await ctx.store.locales.list(ctx.scope), request.query.locale, request.query.side);
    const notice = request.query.done ? notices[request.query.done] : undefined;
    const linked = request.query.done === 'linked' && is.string(request.query.linked) && /^[\w.-]{1,64}$/.test(request.query.linked) ? request.query.linked : undefined;
    return editPage(request, reply, entry.sys.contentTypeId, entry, columns, { ...(notice ? { notice } : {}), ...(linked ? { noticeLink: { href: `/admin/entries/${linked}`, text: 'Edit the new entry' } } : {}) });
  });

  /** Field names for the conflict's comparison, with the locale when the field is localized. */
  async function labelsOf(typeId: string) {
    const type = await ctx.store.contentTypes.getPublished(ctx.scope, typeId);
    const names = new Map((type?.fields ?? []).map((f) => [f.id, f.name || f.id]));
    return (field: string) => names.get(field) ?? field;
  }

  /** The no-JavaScript conflict's choices, applied to the latest version (conflict.ts) in the locales the form showed. */
  app.post('/admin/entries/:id/resolve', async (request: One, reply) => {
    const actor = actorOf(request);
    const entry = await ops.getAnyEntry(ctx, actor, request.params.id);
    const typeId = entry.sys.contentTypeId;
    if (typeId === ops.articleType) throw new FolioError('BAD_REQUEST', 'Articles are edited in the article editor.');
    const columns = columnsOf(await ctx.store.locales.list(ctx.scope), formString(request.body, 'locale'), formString(request.body, 'side'));
    const { type, controls } = await ops.getEditable(ctx, actor, typeId);
    const shown = new Map(formFields(type.fields, controls).map((f) => [f.def.id, f]));
    const labelOf = await labelsOf(typeId);
    const here = entryHref(entry.sys.id, columns[0]!.locale, defaultLocale, [columns[1] ? `side=${encodeURIComponent(columns[1].locale)}` : '', 'done=saved'].filter(Boolean).join('&'));
    try {
      const done = await applyChoices(request.body, {
        allowed: (field, locale) => columns.some((c) => c.locale === locale) && !!shown.get(field) && editableIn(shown.get(field)!, locale),
        labelOf,
        latest: () => ops.getAnyEntry(ctx, actor, entry.sys.id),
        save: (changes, version) => ops.patchAnyEntry(ctx, actor, { id: entry.sys.id, version, changes }),
      });
      if ('conflict' in done) return editPage(request, reply, typeId, done.latest, columns, { conflict: done.conflict, status: 409 });
    } catch (err) {
      return refused(request, reply, typeId, await ops.getAnyEntry(ctx, actor, entry.sys.id), columns, err, new Map());
    }
    return reply.redirect(here, 303);
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
