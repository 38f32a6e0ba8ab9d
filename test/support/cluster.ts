/**
 * Folio servers as separate `folio serve` processes on one database and one bucket, as an
 * operator runs several: in-process servers would share this process's write notices and hide
 * whether other servers' commits are really heard. Needs nothing from vitest (the demo uses it).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../e2e/folio.js';
import { startServe, type ServeProcess } from './serve-process.js';

export interface ClusterServer {
  url: string;
  port: number;
  serve: ServeProcess;
  /** SIGTERM, wait for the exit, remove its data dir. */
  stop(): Promise<void>;
}

/** `env` carries DATABASE_URL, the S3 settings and tokens; each server gets its own port and data dir. */
export async function startClusterServer(env: Record<string, string>, cli?: string): Promise<ClusterServer> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-cluster-'));
  const port = await freePort();
  const serve = startServe({ PORT: String(port), FOLIO_DATA_DIR: dataDir, ...env }, cli);
  try {
    await serve.waitFor('ready in');
  } catch (err) {
    await fs.rm(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    serve,
    stop: async () => {
      if (serve.child.exitCode === null && serve.child.signalCode === null) serve.child.kill('SIGTERM');
      await serve.exited;
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A Management API request to one server's master environment, as the SDK sends it. */
export const managementRequest = (
  server: { url: string },
  token: string,
  path: string,
  init: { method?: string; body?: unknown; version?: number; contentType?: string } = {},
) =>
  fetch(`${server.url}/management/spaces/folio/environments/master${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/vnd.contentful.management.v1+json',
      ...(init.version !== undefined ? { 'x-contentful-version': String(init.version) } : {}),
      ...(init.contentType !== undefined ? { 'x-contentful-content-type': init.contentType } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });

/** A field of a content type, in the Management API's shape. */
export const plainField = (id: string, type: string) => ({ id, name: id, type, localized: false, required: false, disabled: false, omitted: false, validations: [] });

/** Reads `read` until `check` holds or the deadline passes; returns what was seen last. */
export async function seenWithin<T>(ms: number, read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() >= deadline) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
}
