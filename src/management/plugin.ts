/**
 * The Content Management API under /management, shaped so the official `contentful-management`
 * client works against it unchanged. Every route authenticates (managementActor) and checks the
 * actor's permission (assertCan, in the route or in the operation it calls).
 */
import type { FastifyInstance } from 'fastify';
import { FolioError } from '../errors/index.js';
import type { ManagementOptions } from './context.js';
import { apiKeyRoutes } from './routes/api-keys.js';
import { assetRoutes } from './routes/assets.js';
import { contentTypeRoutes } from './routes/content-types.js';
import { entryRoutes } from './routes/entries.js';
import { localeRoutes } from './routes/locales.js';
import { snapshotRoutes } from './routes/snapshots.js';
import { spaceRoutes } from './routes/spaces.js';
import { tagRoutes } from './routes/tags.js';
import { uploadRoutes } from './routes/uploads.js';

const mediaType = 'application/vnd.contentful.management.v1+json; charset=utf-8';

export async function managementRoutes(app: FastifyInstance, options: ManagementOptions) {
  // The client sends application/vnd.contentful.management.v1+json, and PUTs with no body at
  // all (publish, archive) still carry a JSON content type: an empty body is no body.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(/^application\/([\w.+-]+\+)?json\b/, { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (err) {
      done(new FolioError('BAD_REQUEST', `The body is not valid JSON: ${(err as Error).message}`), undefined);
    }
  });
  // Uploads stream straight to storage; nothing buffers them (see routes/uploads.ts).
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

  app.addHook('onSend', async (_request, reply, payload) => {
    if (String(reply.getHeader('content-type') ?? '').startsWith('application/json')) reply.header('content-type', mediaType);
    return payload;
  });

  spaceRoutes(app, options);
  contentTypeRoutes(app, options);
  entryRoutes(app, options);
  snapshotRoutes(app, options);
  assetRoutes(app, options);
  uploadRoutes(app, options);
  localeRoutes(app, options);
  apiKeyRoutes(app, options);
  tagRoutes(app, options);
}
