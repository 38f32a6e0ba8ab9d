/** Editor interfaces: one per content type (GET, PUT with X-Contentful-Version) and the environment's list. */
import type { FastifyInstance } from 'fastify';
import { getEditorInterface, listEditorInterfaces, updateEditorInterface } from '../../content/index.js';
import type { DocumentRecord, Scope } from '../../store/types.js';
import { begin, scoped, type ManagementOptions, type Req } from '../context.js';
import { editorInterfaceBody } from '../parse-editor-interface.js';
import { requiredVersion } from '../parse.js';
import { collection, link } from '../../contentful/index.js';

type One = Req<{ contentTypeId: string }>;

const userLink = (id: string | null) => (id ? { updatedBy: link('User', id) } : {});

/** Contentful's shape: sys.id is always "default", the content type is a link in sys. */
export function editorInterfaceJson(scope: Scope, doc: DocumentRecord) {
  return {
    sys: {
      id: 'default',
      type: 'EditorInterface',
      space: link('Space', scope.spaceId),
      environment: link('Environment', scope.environmentId),
      contentType: link('ContentType', doc.id),
      version: doc.version,
      createdAt: doc.createdAt,
      ...(doc.createdBy ? { createdBy: link('User', doc.createdBy) } : {}),
      updatedAt: doc.updatedAt,
      ...userLink(doc.updatedBy),
    },
    ...doc.body,
  };
}

export function editorInterfaceRoutes(app: FastifyInstance, { store }: ManagementOptions) {
  for (const base of scoped('')) {
    app.get(`${base}/editor_interfaces`, async (request: Req) => {
      const { actor, scope } = await begin(store, request);
      const items = (await listEditorInterfaces(store, scope, actor)).map((doc) => editorInterfaceJson(scope, doc));
      return collection(items, { total: items.length, skip: 0, limit: items.length });
    });

    app.get(`${base}/content_types/:contentTypeId/editor_interface`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      return editorInterfaceJson(scope, await getEditorInterface(store, scope, request.params.contentTypeId, actor));
    });

    app.put(`${base}/content_types/:contentTypeId/editor_interface`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      const input = editorInterfaceBody(request.body);
      const version = requiredVersion(request, `the editor interface of content type "${request.params.contentTypeId}"`);
      return editorInterfaceJson(scope, await updateEditorInterface(store, scope, request.params.contentTypeId, input, version, actor));
    });
  }
}
