/**
 * Entry references (`…/entries/{id}/references?include=N`): the entry as the one item and the
 * entries and assets it links to, to depth N, as includes (drafts, every locale), as the
 * editor's "publish with references" reads them.
 */
import type { FastifyInstance } from 'fastify';
import { getEntry, resolveLinks } from '../../content/index.js';
import { FolioError } from '../../errors/index.js';
import * as is from '../../validate/is.js';
import { begin, scoped, type ManagementOptions, type Req } from '../context.js';
import { assetJson, entryJson } from '../serialize.js';

/** Contentful's bounds for this endpoint; the client asks for 2 when told nothing. */
const maxInclude = 10;

function includeOf(raw: unknown): number {
  if (raw === undefined) return 2;
  const n = is.string(raw) ? is.parseStrictInt(raw) : undefined;
  if (n === undefined || n < 1 || n > maxInclude) {
    throw new FolioError('INVALID_QUERY', `include must be an integer from 1 to ${maxInclude}`, { details: { errors: [{ name: 'invalid', path: ['include'], value: String(raw).slice(0, 20) }] } });
  }
  return n;
}

export function referenceRoutes(app: FastifyInstance, { store, publicUrl }: ManagementOptions) {
  for (const base of scoped('/entries/:id/references')) {
    app.get(base, async (request: Req<{ id: string }>) => {
      const { actor, scope } = await begin(store, request);
      const depth = includeOf((request.query as Record<string, unknown>).include);
      return store.snapshot(async (view) => {
        const entry = await getEntry(view, scope, request.params.id, actor);
        const linked = await resolveLinks(view, scope, [entry], { depth, published: false });
        linked.entries.delete(entry.sys.id);
        return {
          sys: { type: 'Array' },
          items: [entryJson(scope, entry)],
          includes: {
            Entry: [...linked.entries.values()].map((e) => entryJson(scope, e)),
            Asset: [...linked.assets.values()].map((a) => assetJson(publicUrl, scope, a)),
          },
        };
      });
    });
  }
}
