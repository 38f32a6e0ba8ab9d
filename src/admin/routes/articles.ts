/** Articles: list, create, edit (form POST and JSON autosave), publish, unpublish. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Document } from '@contentful/rich-text-types';
import { assertCan, can, type Actor } from '../../auth/index.js';
import { FolioError, isFolioError } from '../../errors/index.js';
import { renderRichText } from '../../site/views/index.js';
import type { EntryRecord, Json, LocalizedFields } from '../../store/types.js';
import * as is from '../../validate/is.js';
import type { AdminContext } from '../context.js';
import { actorOf, csrfFor, formList, formString, problemsOf, sendPage, viewerOf, wantsJson } from '../http.js';
import type { FieldChange } from '../../content/index.js';
import * as ops from '../operations.js';
import { thumbQuery } from './pickers.js';
import { previewSource } from '../preview.js';
import { emptyDocument, embeddedAssetIds, isRichTextDocument, type RtNode } from '../rich-text/convert.js';
import { parseListState, sortParams } from '../entry-list.js';
import { statusOf, type Status } from '../status.js';
import { renderArticleEdit, type ArticleFormValues } from '../views/article-edit.js';
import { renderArticles } from '../views/articles.js';
import type { FieldProblem } from '../views/layout.js';
import { articleRemovalRoutes } from './article-removal.js';
import { commentsPanelFor } from './comments.js';
import { applyChoices, differingFields, type DifferingField } from '../conflict.js';
import { comparedFields } from '../compare.js';
import { assetTitle } from '../asset-title.js';
import { conflictPanel } from '../views/conflict.js';

const labels = new Map<string, string>(comparedFields);
const labelOf = (field: string) => labels.get(field) ?? field;
import { scheduleRoutes } from './schedule.js';


const link = (linkType: 'Entry' | 'Asset', id: string): Json => ({ sys: { type: 'Link', linkType, id } });
const linkId = (v: Json | undefined) => (is.plainObject(v) && is.plainObject(v.sys) && is.string(v.sys.id) ? v.sys.id : '');

export function valuesOf(entry: EntryRecord, locale: string): ArticleFormValues {
  const f = (id: string) => entry.fields[id]?.[locale];
  const s = (id: string) => (is.string(f(id)) ? (f(id) as string) : '');
  const topics = f('topics');
  const body = f('body');
  return {
    title: s('title'),
    slug: s('slug'),
    description: s('description'),
    body: JSON.stringify(isRichTextDocument(body) ? body : emptyDocument()),
    publishDate: s('publishDate').slice(0, 10),
    type: s('type'),
    featuredImage: linkId(f('featuredImage')),
    topics: Array.isArray(topics) ? topics.map(linkId).filter(Boolean) : [],
    author: linkId(f('author')),
  };
}

/** Reads the submitted values, keeping what the person typed even when part of it is wrong. */
export function valuesFrom(body: unknown): ArticleFormValues {
  const b = body as Record<string, unknown>;
  const topics = Array.isArray(b?.topics) && b.topics.every((t) => typeof t === 'string') ? (b.topics as string[]) : formList(body, 'topics');
  return {
    title: formString(body, 'title'),
    slug: formString(body, 'slug'),
    description: formString(body, 'description'),
    body: formString(body, 'body'),
    publishDate: formString(body, 'publishDate'),
    type: formString(body, 'type'),
    featuredImage: formString(body, 'featuredImage'),
    topics: topics.filter(Boolean),
    author: formString(body, 'author'),
  };
}

/** Form values → the entry's fields; empty values are left out (drafts may be incomplete). */
export function fieldsFrom(values: ArticleFormValues, locale: string, previous?: EntryRecord): { fields: LocalizedFields; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const fields: LocalizedFields = {};
  const put = (id: string, v: Json) => (fields[id] = { [locale]: v });
  if (values.title.trim()) put('title', values.title.trim());
  if (values.slug.trim()) put('slug', values.slug.trim());
  if (values.description.trim()) put('description', values.description.trim());
  if (values.body) {
    let doc: unknown;
    try {
      doc = JSON.parse(values.body);
    } catch {
      doc = undefined;
    }
    if (isRichTextDocument(doc)) put('body', doc as unknown as Json);
    else problems.push({ field: 'body', message: 'The body could not be read; reload the page to get the saved version back.' });
  } else if (previous?.fields.body) {
    fields.body = previous.fields.body;
  }
  if (values.publishDate) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(values.publishDate) && !Number.isNaN(Date.parse(values.publishDate))) put('publishDate', values.publishDate);
    else problems.push({ field: 'publishDate', message: 'Enter the publish date as a date, like 2026-03-31.' });
  }
  if (values.type) put('type', values.type);
  if (values.featuredImage) put('featuredImage', link('Asset', values.featuredImage));
  if (values.topics.length) put('topics', values.topics.map((id) => link('Entry', id)));
  if (values.author) put('author', link('Entry', values.author));
  return { fields, problems };
}

/** A lost race carries the changes the person sent, to compare with the latest version. */
type SaveResult = { conflict: true; changes: FieldChange[] } | { entry?: EntryRecord; problems: FieldProblem[] };

const fieldsOf = (changes: FieldChange[]): LocalizedFields => {
  const fields: LocalizedFields = {};
  for (const c of changes) if (c.value !== undefined) fields[c.field] = { [c.locale]: c.value };
  return fields;
};

const blankValues = (): ArticleFormValues => ({ title: '', slug: '', description: '', body: JSON.stringify(emptyDocument()), publishDate: '', type: '', featuredImage: '', topics: [], author: '' });

/** Something worth a draft: any value typed or chosen, or words or an image in the body. */
function hasContent(v: ArticleFormValues): boolean {
  if ([v.title, v.slug, v.description, v.publishDate, v.type, v.featuredImage, v.author].some((s) => s.trim() !== '') || v.topics.length > 0) return true;
  return /"value":"[^"]*\S|"nodeType":"embedded-/.test(v.body);
}

const sameJson = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a) === JSON.stringify(b);

export interface EditPageState {
  values?: ArticleFormValues;
  problems?: FieldProblem[];
  notice?: string | undefined;
  /** A lost save: the fields that differ from the latest version, to choose between. */
  conflict?: DifferingField[];
  status?: number;
  /** The schedule time as typed, kept when it was refused. */
  scheduleAt?: string;
}

export type EditPage = (request: FastifyRequest, reply: FastifyReply, entry: EntryRecord, state?: EditPageState) => Promise<FastifyReply>;

export async function articleRoutes(app: FastifyInstance, opts: { context: AdminContext; scriptHref: string | undefined }) {
  const ctx = opts.context;
  const { locale } = ctx;

  app.get<{ Querystring: Record<string, string | undefined> }>('/admin/articles', async (request, reply) => {
    const actor = actorOf(request);
    // The entries list's machinery (address, SQL filters and paging), with the article's topic filter.
    const state = parseListState(request.query);
    const topic = /^[A-Za-z0-9._-]{1,64}$/.test(request.query.topic ?? '') ? request.query.topic! : '';
    const [{ items, total, pages, statusOf: statusOfEntry }, topics] = await Promise.all([ops.listArticles(ctx, actor, state, topic), ops.listEntries(ctx, 'topic', 'name')]);
    const topicNames = new Map(topics.map((t) => [t.id, t.name]));
    const rows = items.map((e) => {
      const v = valuesOf(e, locale);
      return { id: e.sys.id, title: v.title, slug: v.slug, status: statusOfEntry(e), type: v.type, topics: v.topics.map((id) => topicNames.get(id) ?? id), updatedAt: e.sys.updatedAt };
    });
    const notice = request.query.removed ? 'The article was removed.' : undefined;
    return sendPage(
      reply,
      renderArticles({
        viewer: viewerOf(request),
        csrf: csrfFor(request, reply, ctx.publicUrl),
        rows,
        total,
        page: state.page,
        pages,
        filters: { q: state.q, topic, status: state.status, ...sortParams(state) },
        topics,
        canCreate: can(actor, 'create'),
        notice,
      }),
    );
  });

  /**
   * "New article" and the new article's form post here. Nothing is stored until there is
   * something to keep: an empty post opens the blank form, so no Untitled drafts pile up.
   */
  app.post('/admin/articles', async (request, reply) => {
    const actor = actorOf(request);
    assertCan(actor, 'create');
    const values = valuesFrom(request.body);
    if (!hasContent(values)) return reply.redirect('/admin/articles/new', 303);
    return submit(request, reply, undefined, values, 0);
  });

  app.get('/admin/articles/new', async (request, reply) => {
    assertCan(actorOf(request), 'create');
    return editPage(request, reply, undefined);
  });

  /** The new article's first autosave with content makes the draft and says where it lives. */
  app.post('/admin/articles/new/autosave', async (request, reply) => {
    const actor = actorOf(request);
    assertCan(actor, 'create');
    const body = request.body as { values?: unknown } | undefined;
    if (!is.plainObject(body) || !is.plainObject(body.values)) return reply.code(400).send({ message: 'Send {values}.' });
    const values = valuesFrom(body.values);
    if (!hasContent(values)) return reply.send({ message: 'Nothing to save yet.' });
    const saved = await save(actor, undefined, values, 0);
    if ('conflict' in saved || !saved.entry) return reply.code(422).send({ problems: 'problems' in saved ? saved.problems : [], message: 'problems' in saved ? saved.problems.map((p) => p.message).join(' ') : '' });
    const { id } = saved.entry.sys;
    return autosaveAnswer(reply.code(201), saved.entry, saved, { id, href: `/admin/articles/${id}` });
  });

  async function editPage(
    request: FastifyRequest,
    reply: FastifyReply,
    /** Undefined: a new article, not stored until it has content. */
    entry: EntryRecord | undefined,
    state: EditPageState = {},
  ) {
    const actor = actorOf(request);
    const values = state.values ?? (entry ? valuesOf(entry, locale) : blankValues());
    const [types, topics, authors, assets, history, pending] = await Promise.all([
      ops.fieldChoices(ctx, ops.articleType, 'type'),
      ops.listEntries(ctx, 'topic', 'name'),
      ops.listEntries(ctx, 'author', 'name'),
      ops.listAssets(ctx, actor, { page: 1, perPage: 200 }),
      entry ? ops.listHistory(ctx, actor, entry) : { items: [], total: 0 },
      entry ? ops.listSchedule(ctx, actor, entry.sys.id) : [],
    ]);
    const images = assets.items.flatMap((a) => {
      const info = ops.imageInfo(ctx, a);
      if (!info?.width) return [];
      const alt = a.fields.description?.[locale];
      return [{ id: a.sys.id, title: assetTitle(a, locale), thumb: info.transform(thumbQuery), hasAlt: is.nonEmptyString(alt) && alt.trim() !== '', alt: is.string(alt) ? alt : '', info }];
    });
    const byId = new Map(images.map((i) => [i.id, i]));
    let doc: RtNode = emptyDocument();
    try {
      const parsed: unknown = JSON.parse(values.body);
      if (isRichTextDocument(parsed)) doc = parsed;
    } catch {
      // keep the empty document
    }
    const thumbs: Record<string, { src: string; title: string }> = {};
    for (const id of embeddedAssetIds(doc)) {
      const i = byId.get(id) ?? (await ctx.store.assets.get(ctx.scope, id).then((a) => (a ? { title: String(a.fields.title?.[locale] ?? id), thumb: ops.imageInfo(ctx, a)?.transform(thumbQuery) ?? '' } : undefined)));
      if (i) thumbs[id] = { src: i.thumb, title: i.title };
    }
    const bodyHtml = renderRichText(doc as unknown as Document, {
      resolveAsset: (id) => {
        const i = byId.get(id);
        return i?.info.width ? { src: i.thumb, width: 300, height: 200, alt: i.alt } : undefined;
      },
      resolveEntryHref: () => undefined,
    });
    const ownership = entry ? ops.ownershipOf(entry.sys) : undefined;
    const status: Status = entry ? statusOf(entry.sys) : 'draft';
    const slug = is.string(entry?.fields.slug?.[locale]) ? (entry.fields.slug[locale] as string) : '';
    const csrf = csrfFor(request, reply, ctx.publicUrl);
    return sendPage(
      reply,
      renderArticleEdit({
        viewer: viewerOf(request),
        csrf,
        scriptHref: opts.scriptHref,
        id: entry?.sys.id ?? '',
        version: entry?.sys.version ?? 0,
        status,
        values,
        bodyHtml,
        problems: state.problems ?? [],
        notice: state.notice,
        conflict:
          entry && state.conflict
            ? conflictPanel({ noun: 'article', csrf, action: `/admin/articles/${entry.sys.id}/resolve`, version: entry.sys.version, latestHref: `/admin/articles/${entry.sys.id}`, fields: state.conflict })
            : undefined,
        options: { types, topics, authors, images: images.map(({ id, title, thumb, hasAlt }) => ({ id, title, thumb, hasAlt })) },
        can: {
          save: entry ? can(actor, 'update', ownership) : can(actor, 'create'),
          publish: can(actor, 'publish', ownership),
          unpublish: can(actor, 'unpublish', ownership),
          schedule: can(actor, 'schedule'),
          restore: entry ? ops.canRestore(actor, entry) : false,
          archive: !!entry && can(actor, 'archive', ownership),
          delete: !!entry && can(actor, 'delete', ownership),
        },
        previewSrc: entry ? await previewSource(ctx, entry, '', locale) : '',
        publicHref: status === 'published' || status === 'changed' ? `/articles/${encodeURIComponent(slug)}` : undefined,
        assetThumbs: thumbs,
        history,
        schedule: { pending, value: state.scheduleAt ?? '', now: Date.now() },
        comments: entry ? await commentsPanelFor(ctx, actor, entry.sys.id, csrf) : undefined,
      }),
      state.status ?? 200,
    );
  }

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/admin/articles/:id', async (request, reply) => {
    const entry = await ops.getArticle(ctx, actorOf(request), request.params.id);
    const notices: Record<string, string> = {
      saved: 'Draft saved.',
      published: 'Published. The article is live on the site.',
      unpublished: 'Unpublished. The article is no longer on the site.',
      restored: 'The version was restored as the draft. Publish it to make it live.',
      scheduled: 'Scheduled. The change happens at the time shown under Schedule.',
      canceled: 'The scheduled change was cancelled.',
      archived: 'Archived. Unarchive it to edit or publish it again.',
      unarchived: 'Unarchived. It is a draft again.',
    };
    const notice = request.query.done ? notices[request.query.done] : undefined;
    return editPage(request, reply, entry, notice ? { notice } : {});
  });

  /**
   * Saves what the person changed and what of it is valid: the submitted values are compared
   * with the values the form was made from, and only the fields that differ are patched, in the
   * editor's locale. Fields and locales the form does not show are never touched. A value that
   * is refused (a taken slug, an unreadable date) is left out and reported; the rest is stored.
   */
  async function save(actor: Actor, current: EntryRecord | undefined, values: ArticleFormValues, version: number): Promise<SaveResult> {
    if (current) ops.assertAllowed(actor, 'update', current);
    else assertCan(actor, 'create');
    const id = current?.sys.id;
    const { fields: typed, problems } = fieldsFrom(values, locale, current);
    const { fields: before } = current ? fieldsFrom(valuesOf(current, locale), locale, current) : { fields: {} as LocalizedFields };
    const refused = new Set(problems.map((p) => p.field));
    let changes: FieldChange[] = ops.articleFields
      .filter((field) => !refused.has(field) && !sameJson(typed[field]?.[locale], before[field]?.[locale]))
      .map((field) => ({ field, locale, value: typed[field]?.[locale] }));
    const slug = changes.find((c) => c.field === 'slug');
    const taken = slug ? await ops.slugProblem(ctx, id, slug.value) : undefined;
    if (taken) {
      problems.push({ field: 'slug', message: taken.details });
      changes = changes.filter((c) => c !== slug);
    }
    if (changes.length === 0) return current && version === current.sys.version ? { entry: current, problems } : current ? { conflict: true, changes } : { problems };
    // A value the content rules refuse is dropped and the rest saved; one retry is enough, as every refusal is reported at once.
    for (let attempt = 0; ; attempt++) {
      try {
        // A new article is made with its first content, in one version.
        if (!id) return { entry: await ops.createArticle(ctx, actor, fieldsOf(changes)), problems };
        return { entry: await ops.saveArticle(ctx, actor, { id, version, changes }), problems };
      } catch (err) {
        if (isFolioError(err) && err.code === 'VERSION_MISMATCH') return { conflict: true, changes };
        const found = problemsOf(err);
        if (!found) throw err;
        problems.push(...found);
        const left = changes.filter((c) => !found.some((p) => p.field === c.field));
        if (attempt > 0 || left.length === changes.length || left.length === 0) return { problems };
        changes = left;
      }
    }
  }

  /** Saves the form, then publishes or unpublishes when asked; answers with the page or a redirect. */
  async function submit(request: FastifyRequest, reply: FastifyReply, current: EntryRecord | undefined, values: ArticleFormValues, version: number) {
    const actor = actorOf(request);
    const intent = formString(request.body, 'intent') || 'save';
    if (!['save', 'publish', 'unpublish'].includes(intent)) throw new FolioError('BAD_REQUEST', 'Unknown action.');
    // Refused before anything is saved: whoever may not publish hears that, not a half-done save.
    if (intent === 'publish' && current) ops.assertAllowed(actor, 'publish', current);
    else if (intent === 'publish') assertCan(actor, 'publish');
    if (intent === 'unpublish' && current) ops.assertAllowed(actor, 'unpublish', current);
    const saved = await save(actor, current, values, version);
    if ('conflict' in saved) {
      const latest = await ops.getArticle(ctx, actor, current!.sys.id);
      return editPage(request, reply, latest, { values, conflict: differingFields(saved.changes, latest, labelOf), status: 409 });
    }
    if (!saved.entry || saved.problems.length) {
      const notice = saved.entry && saved.entry !== current ? 'Your other changes were saved as a draft; the values marked below were not.' : undefined;
      return editPage(request, reply, saved.entry ?? current, { values, problems: saved.problems, notice, status: 422 });
    }
    const id = saved.entry.sys.id;
    if (intent === 'save') return reply.redirect(`/admin/articles/${id}?done=saved`, 303);
    try {
      if (intent === 'publish') await ops.publishArticle(ctx, actor, id, saved.entry.sys.version);
      else await ops.unpublishArticle(ctx, actor, id, saved.entry.sys.version);
    } catch (err) {
      const problems = problemsOf(err);
      if (!problems) throw err;
      return editPage(request, reply, saved.entry, { problems, notice: 'Your changes were saved as a draft, but the article was not published.', status: 422 });
    }
    return reply.redirect(`/admin/articles/${id}?done=${intent === 'publish' ? 'published' : 'unpublished'}`, 303);
  }

  /** The no-JavaScript conflict's choices, applied to the latest version (conflict.ts). */
  app.post<{ Params: { id: string } }>('/admin/articles/:id/resolve', async (request, reply) => {
    const actor = actorOf(request);
    const { id } = await ops.getArticle(ctx, actor, request.params.id).then((e) => e.sys);
    try {
      const done = await applyChoices(request.body, {
        allowed: (field, at) => at === locale && (ops.articleFields as readonly string[]).includes(field),
        labelOf,
        latest: () => ops.getArticle(ctx, actor, id),
        save: (changes, version) => ops.saveArticle(ctx, actor, { id, version, changes }),
      });
      if ('conflict' in done) return editPage(request, reply, done.latest, { conflict: done.conflict, status: 409 });
    } catch (err) {
      const problems = problemsOf(err);
      if (!problems) throw err;
      return editPage(request, reply, await ops.getArticle(ctx, actor, id), { problems, status: 422 });
    }
    return reply.redirect(`/admin/articles/${id}?done=saved`, 303);
  });

  app.post<{ Params: { id: string } }>('/admin/articles/:id', async (request, reply) => {
    const current = await ops.getArticle(ctx, actorOf(request), request.params.id);
    return submit(request, reply, current, valuesFrom(request.body), Number(formString(request.body, 'version')));
  });

  /** Autosave: JSON in (the form's values and the version it started from), JSON out. */
  app.post<{ Params: { id: string } }>('/admin/articles/:id/autosave', async (request, reply) => {
    const actor = actorOf(request);
    const id = request.params.id;
    const body = request.body as { version?: unknown; values?: unknown } | undefined;
    if (!is.plainObject(body) || !is.integer(body.version) || !is.plainObject(body.values)) {
      return reply.code(400).send({ message: 'Send {version, values}.' });
    }
    const current = await ops.getArticle(ctx, actor, id);
    const saved = await save(actor, current, valuesFrom(body.values), body.version);
    if ('conflict' in saved) {
      return reply.code(409).send({
        conflict: true,
        currentVersion: current.sys.version,
        message: 'Someone else saved this article while you were editing. Your text is still here but is not saved: use “Save draft” to keep your version, or reload to see theirs.',
      });
    }
    return autosaveAnswer(reply, current, saved);
  });

  /** What was valid is stored (a new version); what was not comes back, to be shown beside its field. */
  async function autosaveAnswer(reply: FastifyReply, current: EntryRecord, saved: { entry?: EntryRecord; problems: FieldProblem[] }, extra: Record<string, string> = {}) {
    const message = saved.problems.map((p) => p.message).join(' ');
    if (!saved.entry) return reply.code(422).send({ problems: saved.problems, message, version: current.sys.version, ...extra });
    return reply.header('cache-control', 'no-store').send({
      ...extra,
      preview: await previewSource(ctx, saved.entry, '', locale),
      version: saved.entry.sys.version,
      status: statusOf(saved.entry.sys),
      savedAt: saved.entry.sys.updatedAt,
      ...(saved.problems.length ? { problems: saved.problems, message: `Saved, except: ${message}` } : {}),
    });
  }

  // Scheduling answers refusals with this page, so it registers here, where the page is made.
  await app.register(scheduleRoutes, { context: ctx, editPage });
  await app.register(articleRemovalRoutes, { context: ctx });

  void wantsJson;
}
