/**
 * Comments (`…/entries/{id}/comments`, `…/content_types/{id}/comments`, replies with
 * X-Contentful-Parent-Id) and tasks (`…/entries/{id}/tasks`): list, get, create, update with
 * X-Contentful-Version, delete.
 */
import type { FastifyInstance } from 'fastify';
import { commentDocument, commentText, createThread, deleteThread, getThread, listThreads, updateThread, type ThreadKind, type ThreadParent } from '../../content/index.js';
import type { DocumentRecord, Json, Scope } from '../../store/types.js';
import * as is from '../../validate/is.js';
import { begin, scoped, type ManagementOptions, type Req } from '../context.js';
import { newResourceId } from '../ids.js';
import { bodyObject, page, requiredVersion, versionHeader } from '../parse.js';
import { collection, link } from '../../contentful/index.js';

type Params = { parentId: string; id: string };

const families: Array<{ kind: ThreadKind; path: string; parentType: ThreadParent['type'] }> = [
  { kind: 'Comment', path: '/entries/:parentId/comments', parentType: 'Entry' },
  { kind: 'Comment', path: '/content_types/:parentId/comments', parentType: 'ContentType' },
  { kind: 'Task', path: '/entries/:parentId/tasks', parentType: 'Entry' },
];

/** How the client asked to read bodies (contentful-management sends the header for rich text). */
const formatOf = (request: Req<Partial<Params>>): BodyFormat => (request.headers['x-contentful-comment-body-format'] === 'rich-text' ? 'rich-text' : 'plain-text');
type BodyFormat = 'rich-text' | 'plain-text';

export function threadJson(scope: Scope, kind: ThreadKind, parent: ThreadParent, doc: DocumentRecord, format: BodyFormat = 'plain-text') {
  const { parentComment, mentions: _mentions, body: stored, ...rest } = doc.body as Record<string, Json>;
  const body = format === 'rich-text' ? (commentDocument(stored ?? '') as unknown as Json) : commentText(stored ?? '');
  return {
    sys: {
      id: doc.id,
      type: kind,
      version: doc.version,
      space: link('Space', scope.spaceId),
      environment: link('Environment', scope.environmentId),
      parentEntity: link(parent.type, parent.id),
      ...(kind === 'Comment' ? { parent: is.string(parentComment) ? link('Comment', parentComment) : null } : {}),
      createdAt: doc.createdAt,
      createdBy: link('User', doc.createdBy ?? 'system'),
      updatedAt: doc.updatedAt,
      updatedBy: link('User', doc.updatedBy ?? 'system'),
    },
    body,
    ...rest,
  };
}

export function threadRoutes(app: FastifyInstance, { store }: ManagementOptions) {
  for (const { kind, path, parentType } of families) {
    for (const base of scoped(path)) {
      const parentOf = (request: Req<Partial<Params>>): ThreadParent => ({ type: parentType, id: request.params.parentId! });

      app.get(base, async (request: Req<Params>) => {
        const { actor, scope } = await begin(store, request);
        const parent = parentOf(request);
        const result = await listThreads(store, scope, kind, parent, page(request.query as Record<string, unknown>), actor);
        return collection(result.items.map((d) => threadJson(scope, kind, parent, d, formatOf(request))), result);
      });

      app.post(base, async (request: Req<Params>, reply) => {
        const { actor, scope } = await begin(store, request);
        const parent = parentOf(request);
        const replyTo = request.headers['x-contentful-parent-id'];
        const parentComment = kind === 'Comment' && is.nonEmptyString(replyTo) ? replyTo : null;
        const doc = await createThread(store, scope, { kind, parent, id: newResourceId(), input: bodyObject(request.body), parentComment }, actor);
        return reply.code(201).send(threadJson(scope, kind, parent, doc, formatOf(request)));
      });

      app.get(`${base}/:id`, async (request: Req<Params>) => {
        const { actor, scope } = await begin(store, request);
        const parent = parentOf(request);
        return threadJson(scope, kind, parent, await getThread(store, scope, kind, parent, request.params.id, actor), formatOf(request));
      });

      app.put(`${base}/:id`, async (request: Req<Params>) => {
        const { actor, scope } = await begin(store, request);
        const parent = parentOf(request);
        const version = requiredVersion(request, `${kind.toLowerCase()} "${request.params.id}"`);
        return threadJson(scope, kind, parent, await updateThread(store, scope, { kind, parent, id: request.params.id, input: bodyObject(request.body), version }, actor), formatOf(request));
      });

      app.delete(`${base}/:id`, async (request: Req<Params>, reply) => {
        const { actor, scope } = await begin(store, request);
        await deleteThread(store, scope, kind, parentOf(request), request.params.id, versionHeader(request), actor);
        return reply.code(204).send();
      });
    }
  }
}
