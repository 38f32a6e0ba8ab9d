import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3, type TestS3 } from '../../test/support/s3.js';
import { createS3Client, createS3SharedBlobs, createS3Storage, sweepTemp } from './s3-storage.js';
import { SizeLimitError } from './types.js';
import { describeFileStorageContract, failingStream, sha256 } from './storage.contract.js';

let s3: TestS3;
let client: S3Client;
beforeAll(async () => {
  s3 = await startS3();
  client = createS3Client(s3.settings);
});
afterAll(async () => {
  client?.destroy();
  await s3?.stop();
});

/** A new, empty bucket: each test of the contract starts from nothing. */
async function freshBucket(): Promise<string> {
  const bucket = `folio-${randomBytes(6).toString('hex')}`;
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
}

async function keysIn(bucket: string): Promise<string[]> {
  const page = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
  return (page.Contents ?? []).map((o) => o.Key!).sort();
}

describeFileStorageContract('S3 (s3rver)', async () => createS3Storage(client, await freshBucket()));

describe('createS3Storage in a bucket', () => {
  it('keeps objects at files/<sha256> and leaves no temp object after a streamed put', async () => {
    const bucket = await freshBucket();
    const data = randomBytes(20_000);
    const { hash } = await createS3Storage(client, bucket).put(Readable.from([data]));
    expect(await keysIn(bucket)).toEqual([`files/${hash}`]);
  });

  it('uploads a stream bigger than one part as a multipart upload, whole', async () => {
    const bucket = await freshBucket();
    const chunk = randomBytes(1024 * 1024);
    const chunks = Array.from({ length: 18 }, (_, i) => Buffer.concat([chunk.subarray(i), chunk.subarray(0, i)]));
    const stored = await createS3Storage(client, bucket).putStream(Readable.from(chunks), { maxBytes: 18 * 1024 * 1024 });
    expect(stored).toEqual({ hash: sha256(Buffer.concat(chunks)), size: 18 * 1024 * 1024 });
    expect(await keysIn(bucket)).toEqual([`files/${stored.hash}`]);
  });

  it('stops reading at the size limit and leaves no object, temp or final', async () => {
    const bucket = await freshBucket();
    let pulled = 0;
    const source = Readable.from(
      (function* () {
        for (let i = 0; i < 100; i++) {
          pulled++;
          yield randomBytes(256 * 1024);
        }
      })(),
    );
    await expect(createS3Storage(client, bucket).putStream(source, { maxBytes: 1024 * 1024 })).rejects.toBeInstanceOf(SizeLimitError);
    expect(pulled).toBeLessThan(20);
    expect(source.destroyed).toBe(true);
    expect(await keysIn(bucket)).toEqual([]);
  });

  it('leaves no object when the source fails mid-multipart', async () => {
    const bucket = await freshBucket();
    const boom = new Error('reset');
    await expect(createS3Storage(client, bucket).put(failingStream(Array.from({ length: 12 }, () => randomBytes(1024 * 1024)), boom))).rejects.toBe(boom);
    expect(await keysIn(bucket)).toEqual([]);
  });

  it('shares derived blobs by name, with their content type', async () => {
    const bucket = await freshBucket();
    const blobs = createS3SharedBlobs(client, bucket);
    const name = sha256(Buffer.from('key'));
    expect(await blobs.get(name)).toBeUndefined();
    await blobs.put(name, { data: Buffer.from('webp bytes'), contentType: 'image/webp' });
    expect(await createS3SharedBlobs(client, bucket).get(name)).toEqual({ data: Buffer.from('webp bytes'), contentType: 'image/webp' });
    await expect(blobs.get('../files/x')).rejects.toMatchObject({ status: 400 });
  });

  it('sweeps temp uploads older than the cutoff and nothing else', async () => {
    const bucket = await freshBucket();
    const storage = createS3Storage(client, bucket);
    const { hash } = await storage.put(Buffer.from('kept'));
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: 'tmp/left-by-a-crash', Body: 'partial' }));
    expect(await sweepTemp(client, bucket, 60_000)).toBe(0);
    expect(await sweepTemp(client, bucket, -1)).toBe(1);
    expect(await keysIn(bucket)).toEqual([`files/${hash}`]);
  });
});
