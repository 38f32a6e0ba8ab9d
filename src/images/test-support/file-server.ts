/**
 * A real Fastify server on loopback with the error handling and imagesRoutes the app uses.
 * resolveFile is a real implementation over files written to a temp dir (one per asset).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { installErrorHandling } from '../../http/error-handler.js';
import { imagesRoutes, type ImagesRoutesOptions, type ResolvedFile } from '../route.js';
import type { ImageFocus } from '../types.js';

export const spaceId = 'folio';

export interface FixtureFile {
  assetId: string;
  fileName: string;
  contentType: string;
  data: Buffer;
  focus?: ImageFocus;
  /** Makes each read of the bytes take this long: a slow-ish transform without mocking sharp. */
  readDelayMs?: number;
}

export const tokenOf = (data: Buffer) => createHash('sha256').update(data).digest('hex').slice(0, 32);

export interface FileServer {
  origin: string;
  /** /images (or /files) URL of a fixture, with an optional query. */
  url(assetId: string, query?: string, kind?: 'images' | 'files'): string;
  /** How many times each asset's bytes were read: 0 proves a request did not transform. */
  reads: Map<string, number>;
  close(): Promise<void>;
}

/** `options` are the route's, besides resolveFile (cache, queue, signing …). */
export async function startFileServer(files: FixtureFile[], options: Omit<ImagesRoutesOptions, 'resolveFile'> = {}): Promise<FileServer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'folio-images-'));
  const byId = new Map(files.map((f) => [f.assetId, f]));
  await Promise.all(files.map((f) => writeFile(path.join(dir, f.assetId), f.data)));
  const reads = new Map<string, number>();

  const resolveFile = async (space: string, assetId: string, token: string): Promise<ResolvedFile | undefined> => {
    const file = byId.get(assetId);
    if (space !== spaceId || !file || tokenOf(file.data) !== token) return undefined;
    const data = await readFile(path.join(dir, assetId));
    return {
      fileName: file.fileName,
      contentType: file.contentType,
      hash: createHash('sha256').update(data).digest('hex'),
      read: async () => {
        reads.set(assetId, (reads.get(assetId) ?? 0) + 1);
        if (file.readDelayMs) await new Promise((resolve) => setTimeout(resolve, file.readDelayMs));
        return readFile(path.join(dir, assetId));
      },
      ...(file.focus ? { focus: file.focus } : {}),
    };
  };

  const app = Fastify({ logger: false });
  installErrorHandling(app, { notFound: () => '404', error: () => 'error' });
  await app.register(imagesRoutes, { ...options, resolveFile });
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });

  return {
    origin,
    reads,
    url(assetId, query = '', kind = 'images') {
      const file = byId.get(assetId);
      const token = file ? tokenOf(file.data) : '0'.repeat(32);
      const name = file?.fileName ?? 'missing.jpg';
      return `${origin}/${kind}/${spaceId}/${assetId}/${token}/${encodeURIComponent(name)}${query ? `?${query}` : ''}`;
    },
    async close() {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
