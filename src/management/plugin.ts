/**
 * The Content Management API under /management, shaped so the official `contentful-management`
 * client works against it unchanged. Every route authenticates (managementActor) and checks the
 * actor's permission (assertCan, in the route or in the operation it calls).
 */
import type { FastifyInstance } from 'fastify';
import { acceptJsonBodies } from '../http/json-body.js';
import type { ManagementOptions } from './context.js';
import { accessTokenRoutes } from './routes/access-tokens.js';
import { apiKeyRoutes } from './routes/api-keys.js';
import { assetKeyRoutes } from './routes/asset-keys.js';
import { assetRoutes } from './routes/assets.js';
import { bulkActionRoutes } from './routes/bulk-actions.js';
import { contentTypeRoutes } from './routes/content-types.js';
import { editorInterfaceRoutes } from './routes/editor-interfaces.js';
import { entryRoutes } from './routes/entries.js';
import { localeRoutes } from './routes/locales.js';
import { publicRoutes } from './routes/public.js';
import { referenceRoutes } from './routes/references.js';
import { releaseEntryRoutes } from './routes/release-entries.js';
import { releaseRoutes } from './routes/releases.js';
import { roleRoutes } from './routes/roles.js';
import { snapshotRoutes } from './routes/snapshots.js';
import { spaceRoutes } from './routes/spaces.js';
import { environmentRoutes } from './routes/environments.js';
import { tagRoutes } from './routes/tags.js';
import { threadRoutes } from './routes/threads.js';
import { uploadRoutes } from './routes/uploads.js';
import { peopleRoutes } from './routes/people.js';
import { unavailableRoutes } from './routes/unavailable.js';

const mediaType = 'application/vnd.contentful.management.v1+json; charset=utf-8';

export async function managementRoutes(app: FastifyInstance, options: ManagementOptions) {
  // The client sends application/vnd.contentful.management.v1+json, and PUTs with no body at
  // all (publish, archive) still carry a JSON content type: an empty body is no body.
  app.removeAllContentTypeParsers();
  acceptJsonBodies(app);
  app.addHook('onSend', async (_request, reply, payload) => {
    if (String(reply.getHeader('content-type') ?? '').startsWith('application/json')) reply.header('content-type', mediaType);
    return payload;
  });

  spaceRoutes(app, options);
  environmentRoutes(app, options);
  contentTypeRoutes(app, options);
  entryRoutes(app, options);
  snapshotRoutes(app, options);
  assetRoutes(app, options);
  // Only uploads take raw bytes (streamed to storage, never buffered); elsewhere a non-JSON body is a 415.
  await app.register(async (uploads) => {
    uploads.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
    uploadRoutes(uploads, options);
  });
  localeRoutes(app, options);
  apiKeyRoutes(app, options);
  tagRoutes(app, options);
  editorInterfaceRoutes(app, options);
  roleRoutes(app, options);
  publicRoutes(app, options);
  referenceRoutes(app, options);
  bulkActionRoutes(app, options);
  threadRoutes(app, options);
  releaseRoutes(app, options);
  peopleRoutes(app, options);
  accessTokenRoutes(app, options);
  assetKeyRoutes(app, options);
  unavailableRoutes(app, options);
  releaseEntryRoutes(app, options);
}
