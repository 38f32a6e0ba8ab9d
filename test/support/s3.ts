/**
 * A real S3-protocol server (s3rver) on a loopback port with its files in a temp dir, and the
 * settings Folio needs to use it. s3rver takes any credentials; these are fixed test values.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { S3Settings } from '../../src/storage/s3-storage.js';

export interface TestS3 {
  settings: S3Settings;
  /** The same settings as Folio's environment variables. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export const testCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export async function startS3(buckets: string[] = ['folio']): Promise<TestS3> {
  // Not tmp.ts: that one needs vitest, and `npm run demo:cluster` runs this outside it.
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: buckets.map((name) => ({ name })) });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const bucket = buckets[0]!;
  let stopped = false;
  return {
    settings: { bucket, endpoint, region: 'us-east-1', forcePathStyle: true, credentials: testCredentials },
    env: {
      FOLIO_STORAGE: 's3',
      FOLIO_S3_BUCKET: bucket,
      FOLIO_S3_ENDPOINT: endpoint,
      FOLIO_S3_REGION: 'us-east-1',
      FOLIO_S3_FORCE_PATH_STYLE: '1',
      AWS_ACCESS_KEY_ID: testCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: testCredentials.secretAccessKey,
    },
    // Idempotent: a test may stop the store early to see Folio without it.
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
