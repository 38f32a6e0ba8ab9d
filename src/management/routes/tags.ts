/**
 * Tags: list, get, create (PUT with your id; visibility from the body's sys.visibility or the
 * client's X-Contentful-Tag-Visibility header, private by default), rename (PUT with
 * X-Contentful-Version), delete (refused while an entry or asset carries the tag).
 */
import type { FastifyInstance } from 'fastify';
import { createTag, deleteTag, getTag, listTags, updateTag } from '../../content/index.js';
import { refused } from '../../errors/index.js';
import type { TagVisibility } from '../../store/types.js';
import * as is from '../../validate/is.js';
import { begin, scoped, type ManagementOptions, type Req } from '../context.js';
import { assertResourceId } from '../ids.js';
import { bodyObject, page, requiredVersion, versionHeader } from '../parse.js';
import { pageOfAll } from '../../contentful/index.js';
import { collection, tagJson } from '../serialize.js';

type One = Req<{ id: string }>;

const invalid = (path: string[], details: string): never => {
  throw refused('invalid', path, details);
};

function nameOf(body: Record<string, unknown>): string {
  if (!is.nonEmptyString(body.name)) return invalid(['name'], 'name must be a non-empty string');
  return body.name;
}

/** The body's sys.visibility wins over the header; both must agree with what the tag is. */
function visibilityOf(request: One, body: Record<string, unknown>): TagVisibility {
  const fromBody = is.plainObject(body.sys) ? body.sys.visibility : undefined;
  const value = fromBody ?? request.headers['x-contentful-tag-visibility'] ?? 'private';
  if (value !== 'public' && value !== 'private') return invalid(['sys', 'visibility'], 'visibility must be "public" or "private"');
  return value;
}

/** `sys.id[in]=a,b`: only these tags (the store pages over all; this filters one page's worth). */
function idsIn(query: Record<string, unknown>): string[] | undefined {
  const raw = query['sys.id[in]'];
  if (raw === undefined) return undefined;
  if (!is.string(raw)) return is.invalid('sys.id[in]', 'a comma-separated list of ids', raw, 'INVALID_QUERY');
  return raw.split(',').filter((s) => s !== '');
}

export function tagRoutes(app: FastifyInstance, { store }: ManagementOptions) {
  for (const base of scoped('/tags')) {
    app.get(base, async (request: Req) => {
      const { actor, scope } = await begin(store, request);
      const query = request.query as Record<string, unknown>;
      const { limit, skip } = page(query);
      const visibility = query['sys.visibility'];
      if (visibility !== undefined && visibility !== 'public' && visibility !== 'private') {
        is.invalid('sys.visibility', '"public" or "private"', visibility, 'INVALID_QUERY');
      }
      const ids = idsIn(query);
      const filter = visibility ? { visibility: visibility as TagVisibility } : {};
      if (!ids) {
        const result = await listTags(store, scope, { ...filter, limit, skip }, actor);
        return collection(result.items.map((t) => tagJson(scope, t)), result);
      }
      // Tags are few (an environment's vocabulary): filter the whole list, then page it.
      const all = await listTags(store, scope, { ...filter, limit: 1000 }, actor);
      const wanted = all.items.filter((t) => ids.includes(t.id));
      return pageOfAll(wanted, { skip, limit }, (t) => tagJson(scope, t));
    });

    app.get(`${base}/:id`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      return tagJson(scope, await getTag(store, scope, request.params.id, actor));
    });

    app.put(`${base}/:id`, async (request: One, reply) => {
      const { actor, scope } = await begin(store, request);
      const id = assertResourceId(request.params.id);
      const version = versionHeader(request);
      const body = bodyObject(request.body);
      const name = nameOf(body);
      const existing = await store.tags.get(scope, id);
      if (!existing) {
        const tag = await createTag(store, scope, { id, name, visibility: visibilityOf(request, body) }, actor);
        return reply.code(201).send(tagJson(scope, tag));
      }
      if (version === undefined) requiredVersion(request, `tag "${id}"`);
      const visibility = is.plainObject(body.sys) ? body.sys.visibility : undefined;
      if (visibility !== undefined && visibility !== existing.visibility) {
        invalid(['sys', 'visibility'], `A tag's visibility cannot change (tag "${id}" is ${existing.visibility}); create a new tag instead`);
      }
      return tagJson(scope, await updateTag(store, scope, { id, name, version }, actor));
    });

    app.delete(`${base}/:id`, async (request: One, reply) => {
      const { actor, scope } = await begin(store, request);
      await deleteTag(store, scope, { id: request.params.id, version: versionHeader(request) }, actor);
      return reply.code(204).send();
    });
  }
}
