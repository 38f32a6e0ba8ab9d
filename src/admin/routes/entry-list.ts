/**
 * The entries list: search, filters, sort and pages from the address; saved views per person;
 * bulk publish, unpublish, archive, unarchive and delete through the content module's bulk
 * action (the one the Management API's bulk_actions runs), each entity on its own, followed by
 * one summary read back from the recorded BulkAction.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { assertCan, can, type Actor } from '../../auth/index.js';
import { bulkPermissionOf as permissionOf, editorBulkActions, getBulkAction, maxBulkEntities, runBulkAction, type BulkEntity } from '../../content/index.js';
import { FolioError } from '../../errors/index.js';
import { newId } from '../../store/ids.js';
import type { ContentTypeRecord, EntryRecord, Json } from '../../store/types.js';
import * as is from '../../validate/is.js';
import type { AdminContext } from '../context.js';
import { listHrefOf, parseListState, queryOf, type ListState } from '../entry-list.js';
import { actorOf, csrfFor, formList, formString, sendPage, viewerOf } from '../http.js';
import { entryTitle } from '../entry-title.js';
import * as ops from '../operations.js';
import { renderBulkConfirm, renderEntries, type BulkSummary, type BulkVerb } from '../views/entries.js';

const path = '/admin/entries';
const viewKind = 'SavedView';
const maxViews = 50;
const maxViewName = 80;

type Query = FastifyRequest<{ Querystring: Record<string, string | string[] | undefined> }>;

/** Where a form goes back to: a list address rebuilt from its state, never a URL the form chose. */
function returnOf(value: string): { href: string; state: ListState } {
  const query = value.startsWith(`${path}?`) ? value.slice(path.length + 1) : '';
  const state = parseListState(Object.fromEntries(new URLSearchParams(query)));
  return { href: listHrefOf(path, state), state };
}

const withParam = (href: string, key: string, value: string) => `${href}${href.includes('?') ? '&' : '?'}${key}=${encodeURIComponent(value)}`;

/** `id` or `id@version`, as the list's checkboxes send them (or comma-joined, from a confirmation); anything else is dropped. */
function entitiesOf(values: string[]): BulkEntity[] {
  const seen = new Set<string>();
  const out: BulkEntity[] = [];
  for (const v of values.flatMap((x) => x.split(',', maxBulkEntities + 1))) {
    const m = /^([A-Za-z0-9._-]{1,64})(?:@(\d{1,9}))?$/.exec(v);
    if (!m || seen.has(m[1]!)) continue;
    seen.add(m[1]!);
    out.push({ linkType: 'Entry', id: m[1]!, ...(m[2] ? { version: Number(m[2]) } : {}) });
  }
  return out;
}


/** What a role may do in bulk at all (an author may delete drafts of their own). */
const verbsFor = (actor: Actor): BulkVerb[] => editorBulkActions.filter((v) => can(actor, permissionOf(v), { createdBy: actor.id, published: false }));

export async function entryListRoutes(app: FastifyInstance, opts: { context: AdminContext }) {
  const ctx = opts.context;
  const { store } = ctx;

  const titleOf = (entry: EntryRecord, types: Map<string, ContentTypeRecord>) => entryTitle(entry, types, ctx.locale);
  const typeMap = async () => new Map((await ops.listContentTypes(ctx)).map((t) => [t.sys.id, t]));
  const editorHref = (e: EntryRecord) => (e.sys.contentTypeId === ops.articleType ? `/admin/articles/${encodeURIComponent(e.sys.id)}` : `${path}/${encodeURIComponent(e.sys.id)}`);
  const byIds = async (ids: string[]) =>
    ids.length ? (await store.entries.list(ctx.scope, { where: [{ sys: 'id', op: 'in', values: ids }], limit: maxBulkEntities })).items : [];

  /** A field's name in people's words, for refusals that name `fields.<id>`. */
  function reasonsOf(error: Json, type: ContentTypeRecord | undefined): string[] {
    const e = is.plainObject(error) ? error : {};
    const items = is.plainObject(e.details) && Array.isArray(e.details.errors) ? e.details.errors : [];
    const message = is.string(e.message) ? e.message : 'Refused.';
    if (items.length === 0) return [message.replace(/^(Entry|Asset) "[^"]+" /, 'It ')];
    return items.map((item) => {
      const i = is.plainObject(item) ? item : {};
      const p = Array.isArray(i.path) ? i.path : [];
      const field = p[0] === 'fields' && is.string(p[1]) ? (type?.fields.find((f) => f.id === p[1])?.name ?? p[1]) : undefined;
      if (field && i.name === 'required') return `${field} is required.`;
      const details = is.string(i.details) ? i.details : message;
      return field ? `${field}: ${details}` : details;
    });
  }

  /** The summary of one of this person's bulk actions, read back from the BulkAction. */
  async function summaryOf(actor: Actor, id: string, types: Map<string, ContentTypeRecord>): Promise<BulkSummary | undefined> {
    const doc = await getBulkAction(store, ctx.scope, id, actor).catch(() => undefined);
    if (!doc || doc.createdBy !== actor.id || !doc.body.each) return undefined;
    const action = doc.body.action;
    if (!is.oneOf(action, editorBulkActions)) return undefined;
    const linkIds = (items: unknown) => (Array.isArray(items) ? items : []).map((l) => (is.plainObject(l) && is.plainObject(l.sys) && is.string(l.sys.id) ? l.sys.id : '')).filter(Boolean);
    const payload = is.plainObject(doc.body.payload) ? doc.body.payload : {};
    const all = linkIds(is.plainObject(payload.entities) ? payload.entities.items : []);
    const error = is.plainObject(doc.body.error) ? doc.body.error : {};
    const errors = is.plainObject(error.details) && Array.isArray(error.details.errors) ? error.details.errors : [];
    const refusedById = new Map<string, Json>();
    for (const e of errors) if (is.plainObject(e)) refusedById.set(linkIds([e.entity])[0] ?? '', e.error as Json);
    const found = new Map((await byIds(all)).map((e) => [e.sys.id, e]));
    const before = is.plainObject(payload.titles) ? payload.titles : {};
    const title = (entryId: string) => {
      const e = found.get(entryId);
      const was = Object.hasOwn(before, entryId) ? before[entryId] : undefined;
      return e ? titleOf(e, types) : is.string(was) ? was : '';
    };
    return {
      action,
      done: all.filter((x) => !refusedById.has(x)).map((x) => ({ id: x, title: title(x) })),
      refused: [...refusedById].map(([x, err]) => ({ id: x, title: title(x), reasons: reasonsOf(err, types.get(found.get(x)?.sys.contentTypeId ?? '')) })),
    };
  }

  app.get(path, async (request: Query, reply) => {
    const actor = actorOf(request);
    const state = parseListState(request.query);
    // The filter form sends every field, empty ones too: one address per view, so bookmarks,
    // saved views and the sidebar's "current" mark all agree.
    const extras = new URLSearchParams();
    for (const key of ['bulk', 'select', 'removed'] as const) if (is.string(request.query[key])) extras.set(key, request.query[key]);
    const canonical = [queryOf(state), extras.toString()].filter(Boolean).join('&');
    const asked = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    if (asked !== canonical) return reply.redirect(canonical ? `${path}?${canonical}` : path, 303);
    const types = await typeMap();
    if (state.type && !types.has(state.type)) state.type = '';
    const nameOf = ops.nameResolver(ctx);
    const [list, users, tags, views, summary] = await Promise.all([
      ops.listEntryPage(ctx, actor, state),
      store.users.list(),
      store.tags.list(ctx.scope, { limit: 1000 }),
      store.documents.list(ctx.scope, viewKind, { parentId: actor.id, limit: maxViews }),
      is.string(request.query.bulk) ? summaryOf(actor, request.query.bulk, types) : undefined,
    ]);
    const rows = await Promise.all(
      list.items.map(async (e) => ({
        id: e.sys.id,
        version: e.sys.version,
        href: editorHref(e),
        title: titleOf(e, types),
        typeName: types.get(e.sys.contentTypeId)?.name ?? e.sys.contentTypeId,
        status: list.statusOf(e),
        updatedAt: e.sys.updatedAt,
        updatedBy: e.sys.updatedBy ? await nameOf(e.sys.updatedBy) : '',
      })),
    );
    const current = queryOf({ ...state, page: 1 });
    return sendPage(
      reply,
      renderEntries({
        viewer: viewerOf(request),
        csrf: csrfFor(request, reply, ctx.publicUrl),
        state,
        rows,
        total: list.total,
        pages: list.pages,
        types: [...types.values()].map((t) => ({ id: t.sys.id, name: t.name })),
        users: users.map((u) => ({ id: u.id, name: u.name || u.email })).sort((a, b) => a.name.localeCompare(b.name)),
        tags: tags.items.map((t) => ({ id: t.id, name: t.name })),
        views: views.items.map((v) => {
          const query = is.string(v.body.query) ? v.body.query : '';
          return { id: v.id, name: String(v.body.name ?? ''), href: query ? `${path}?${query}` : path, current: query === current };
        }),
        verbs: verbsFor(actor),
        canCreate: can(actor, 'create'),
        selectAll: request.query.select === 'all',
        notice: request.query.removed ? 'The entry was deleted.' : undefined,
        summary,
      }),
    );
  });

  app.post(`${path}/views`, async (request, reply) => {
    const actor = actorOf(request);
    assertCan(actor, 'read');
    const name = formString(request.body, 'name').trim();
    const { href, state } = returnOf(formString(request.body, 'query'));
    if (!name || name.length > maxViewName) throw new FolioError('BAD_REQUEST', `Name the view with 1 to ${maxViewName} characters.`);
    const mine = await store.documents.list(ctx.scope, viewKind, { parentId: actor.id, limit: maxViews });
    if (mine.total >= maxViews) throw new FolioError('BAD_REQUEST', `You have ${maxViews} saved views, the most there can be. Delete one first.`);
    await store.documents.create(ctx.scope, viewKind, { id: newId(), parentId: actor.id, body: { name, query: queryOf({ ...state, page: 1 }) } }, actor.id);
    return reply.redirect(href, 303);
  });

  app.post<{ Params: { id: string } }>(`${path}/views/:id/delete`, async (request, reply) => {
    const actor = actorOf(request);
    const view = await store.documents.get(ctx.scope, viewKind, request.params.id);
    // Someone else's view is as absent as a missing one.
    if (!view || view.parentId !== actor.id) throw new FolioError('NOT_FOUND', 'There is no such saved view.');
    await store.documents.delete(ctx.scope, viewKind, view.id, view.version);
    return reply.redirect(returnOf(formString(request.body, 'return')).href, 303);
  });

  const verbOf = (v: string): BulkVerb => {
    if (!is.oneOf(v, editorBulkActions)) throw new FolioError('BAD_REQUEST', 'Choose what to do with the selected entries.');
    return v;
  };

  const selected = (values: string[]) => {
    const entities = entitiesOf(values);
    if (entities.length === 0) throw new FolioError('BAD_REQUEST', 'Select at least one entry first.');
    if (entities.length > maxBulkEntities) throw new FolioError('BAD_REQUEST', `Select at most ${maxBulkEntities} entries at a time.`);
    return entities;
  };

  /** Archive and delete are asked about first (archive can be undone; delete cannot). */
  async function confirmPage(request: FastifyRequest, reply: Parameters<typeof sendPage>[0], action: 'archive' | 'delete', entities: BulkEntity[], returnHref: string) {
    const [found, types] = await Promise.all([byIds(entities.map((e) => e.id)), typeMap()]);
    const byId = new Map(found.map((e) => [e.sys.id, e]));
    const entries = entities.flatMap((e) => {
      const entry = byId.get(e.id);
      return entry ? [{ id: e.id, version: e.version ?? entry.sys.version, title: titleOf(entry, types), live: entry.sys.publishedVersion !== null }] : [];
    });
    if (entries.length === 0) throw new FolioError('NOT_FOUND', 'None of the selected entries exists any more.');
    return sendPage(reply, renderBulkConfirm({ viewer: viewerOf(request), csrf: csrfFor(request, reply, ctx.publicUrl), action, entries, returnHref }));
  }

  app.get(`${path}/bulk`, async (request: Query, reply) => {
    const actor = actorOf(request);
    const action = verbOf(String(request.query.action ?? ''));
    if (action !== 'archive' && action !== 'delete') throw new FolioError('BAD_REQUEST', 'Only archiving and deleting are confirmed first.');
    assertCan(actor, permissionOf(action), { createdBy: actor.id, published: false });
    const ids = request.query.ids;
    return confirmPage(request, reply, action, selected(Array.isArray(ids) ? ids : ids ? [ids] : []), returnOf(String(request.query.return ?? '')).href);
  });

  app.post(`${path}/bulk`, async (request, reply) => {
    const actor = actorOf(request);
    const action = verbOf(formString(request.body, 'action'));
    const { href } = returnOf(formString(request.body, 'return'));
    // Refused before anything is read or asked: a role that may never do this hears so at once.
    assertCan(actor, permissionOf(action), { createdBy: actor.id, published: false });
    const entities = selected(formList(request.body, 'ids'));
    if ((action === 'archive' || action === 'delete') && formString(request.body, 'confirmed') !== '1') return confirmPage(request, reply, action, entities, href);
    // The titles as they were, so the summary can name what a delete removed.
    const types = await typeMap();
    const titles: Record<string, Json> = Object.create(null);
    for (const e of await byIds(entities.map((x) => x.id))) titles[e.sys.id] = titleOf(e, types);
    const items = entities.map((e) => ({ sys: { type: 'Link', linkType: e.linkType, id: e.id, ...(e.version ? { version: e.version } : {}) } }));
    const payload: Json = { entities: { sys: { type: 'Array' }, items }, titles: { ...titles } };
    const done = await runBulkAction(store, ctx.scope, { id: newId(), action, entities, payload, each: true }, actor);
    return reply.redirect(withParam(href, 'bulk', done.id), 303);
  });
}
