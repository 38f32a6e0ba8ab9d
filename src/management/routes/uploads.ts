/**
 * Uploads: `POST …/uploads` takes application/octet-stream and streams it to file storage (never
 * into memory), up to the configured limit; `GET`/`DELETE …/uploads/{id}`.
 */
import type { IncomingMessage } from 'node:http';
import { PassThrough, Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { createUpload, deleteUpload, getUpload } from '../../content/index.js';
import { FolioError } from '../../errors/index.js';
import { begin, type ManagementOptions, type Req } from '../context.js';
import { uploadJson } from '../serialize.js';

const paths = (suffix: string) => [`/management/spaces/:spaceId/uploads${suffix}`, `/management/spaces/:spaceId/environments/:environmentId/uploads${suffix}`];

/**
 * After refusing an upload: answer at once (and close the connection after), while the rest of
 * the body is read and dropped so the client, still sending, gets to read the answer. Past
 * `maxBytes` of leftovers the connection is cut.
 */
function discardRest(raw: IncomingMessage, maxBytes: number): void {
  if (raw.readableEnded || raw.destroyed) return;
  let seen = 0;
  raw.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > maxBytes) raw.destroy();
  });
  raw.resume();
}

export function uploadRoutes(app: FastifyInstance, { store, storage, uploadLimitBytes }: ManagementOptions) {
  const discardLimit = Math.max(256 * 1024 * 1024, uploadLimitBytes);
  for (const path of paths('')) {
    app.post(path, async (request: Req, reply) => {
      const body = request.body;
      try {
        const { actor, scope } = await begin(store, request);
        if (!(body instanceof Readable)) {
          throw new FolioError('BAD_REQUEST', 'Send the file itself as the body, with Content-Type: application/octet-stream');
        }
        // Through a PassThrough, so a refusal stops the storage write without tearing down the socket.
        const source = new PassThrough();
        body.pipe(source);
        try {
          const upload = await createUpload(store, storage, scope.spaceId, source, uploadLimitBytes, actor);
          return reply.code(201).send(uploadJson(upload));
        } finally {
          body.unpipe(source);
        }
      } catch (err) {
        if (!request.raw.readableEnded) {
          reply.header('connection', 'close');
          discardRest(request.raw, discardLimit);
        }
        throw err;
      }
    });
  }

  for (const path of paths('/:id')) {
    app.get(path, async (request: Req<{ id: string }>) => {
      const { actor, scope } = await begin(store, request);
      return uploadJson(await getUpload(store, scope.spaceId, request.params.id, actor));
    });

    app.delete(path, async (request: Req<{ id: string }>, reply) => {
      const { actor, scope } = await begin(store, request);
      await deleteUpload(store, storage, scope.spaceId, request.params.id, actor);
      return reply.code(204).send();
    });
  }
}
