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

/** After refusing an upload, read (and drop) a bounded rest so the client sees our answer, not a reset. */
async function drain(raw: IncomingMessage, maxBytes: number): Promise<void> {
  if (raw.readableEnded || raw.destroyed) return;
  await new Promise<void>((resolve) => {
    let seen = 0;
    raw.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > maxBytes) {
        raw.destroy();
        resolve();
      }
    });
    raw.once('end', resolve);
    raw.once('close', resolve);
    raw.resume();
  });
}

export function uploadRoutes(app: FastifyInstance, { store, storage, uploadLimitBytes }: ManagementOptions) {
  const drainLimit = 64 * 1024 * 1024;
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
        await drain(request.raw, drainLimit);
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
