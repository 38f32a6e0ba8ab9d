/**
 * S3 FileStorage, for any S3-compatible store (AWS, MinIO, Ceph, R2, s3rver): originals at
 * `files/<sha256>`, shared derived images at `derived/<sha256 of their key>`, uploads in flight at
 * `tmp/<uuid>`. Several servers may share one bucket: every name is a digest of its content or of
 * its key, so concurrent writers of one name write the same bytes.
 *
 * Where a stream is placed: its hash is known only after its last byte, so it is uploaded to a
 * temp key (multipart, a few parts in memory at a time) while hashed, then copied server-side to
 * its hash and the temp object deleted. The other way, spooling to local disk until the hash is
 * known, would make every server need disk for the largest upload and send each byte twice
 * through it; a copy costs one request inside the store. An S3 object appears whole or not at all
 * (PutObject, CompleteMultipartUpload and CopyObject are atomic), so readers never see a partial
 * object under a hash. A crash between upload and delete leaves a `tmp/` object: start-up sweeps
 * old ones (sweepTemp) and the README suggests a lifecycle rule on the prefix. Buffers are hashed
 * first and put straight under their name.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Readable, Transform, pipeline } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { assertObjectHash } from './hash.js';
import { assertByteRange } from './range.js';
import { toBytes } from './bytes.js';
import { SizeLimitError, type FileStorage, type SharedBlobs, type StoredObject } from './types.js';

export interface S3Settings {
  bucket: string;
  /** Unset: AWS itself, by region. */
  endpoint?: string | undefined;
  region: string;
  /** Bucket in the path (`host/bucket/key`), as MinIO and most self-hosted stores want. */
  forcePathStyle: boolean;
  /** Unset: the SDK's usual chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined;
}

const filesPrefix = 'files/';
const derivedPrefix = 'derived/';
const tempPrefix = 'tmp/';
/** Each part is held in memory while it uploads; two at a time keeps an upload near 16 MiB. */
const partSize = 8 * 1024 * 1024;
const partsAtOnce = 2;
/** CopyObject's limit; bigger objects would need a multipart copy. */
const maxCopyBytes = 5 * 1024 * 1024 * 1024;

export function createS3Client(settings: S3Settings): S3Client {
  return new S3Client({
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    // The SDK's default adds CRC trailers in aws-chunked bodies, which many S3-compatible stores
    // do not understand; content is named by its sha256, which is the check that matters.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

const statusOf = (err: unknown) => (err instanceof S3ServiceException ? err.$metadata.httpStatusCode : undefined);
const isMissing = (err: unknown) => statusOf(err) === 404 || (err instanceof S3ServiceException && (err.name === 'NoSuchKey' || err.name === 'NotFound'));
const isUnsatisfiableRange = (err: unknown) => statusOf(err) === 416 || (err instanceof S3ServiceException && err.name === 'InvalidRange');

/** Hashes and counts the bytes passing through; past maxBytes it fails with SizeLimitError. */
function meter(maxBytes: number) {
  const hasher = createHash('sha256');
  let size = 0;
  const transform = new Transform({
    transform(chunk: unknown, _encoding, done) {
      let bytes: Buffer;
      try {
        bytes = toBytes(chunk);
      } catch (err) {
        done(err as Error);
        return;
      }
      size += bytes.length;
      if (size > maxBytes) {
        done(new SizeLimitError(maxBytes));
        return;
      }
      hasher.update(bytes);
      done(null, bytes);
    },
  });
  return { transform, result: (): StoredObject => ({ hash: hasher.digest('hex'), size }) };
}

export function createS3Storage(client: S3Client, bucket: string): FileStorage {
  const fileKey = (hash: string) => {
    assertObjectHash(hash);
    return `${filesPrefix}${hash}`;
  };

  async function exists(key: string): Promise<boolean> {
    try {
      await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return true;
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  async function putBuffer(data: Buffer): Promise<StoredObject> {
    const stored = { hash: createHash('sha256').update(data).digest('hex'), size: data.length };
    const key = fileKey(stored.hash);
    // Same name means same bytes: an existing object is kept.
    if (!(await exists(key))) await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: data, ContentLength: data.length }));
    return stored;
  }

  async function putStream(source: Readable, maxBytes = Infinity): Promise<StoredObject> {
    const { transform, result } = meter(maxBytes);
    // The first failure of the source or the meter is the answer, whatever the upload then says.
    let failure: unknown;
    pipeline(source, transform, (err) => {
      if (err) failure ??= err;
    });
    const tempKey = `${tempPrefix}${randomUUID()}`;
    const upload = new Upload({
      client,
      params: { Bucket: bucket, Key: tempKey, Body: transform },
      partSize,
      queueSize: partsAtOnce,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (err) {
      // A failed upload leaves no object; an aborted multipart's parts are removed by the SDK.
      throw failure ?? err;
    }
    try {
      if (failure) throw failure;
      const stored = result();
      const key = fileKey(stored.hash);
      if (!(await exists(key))) {
        if (stored.size > maxCopyBytes) throw new SizeLimitError(maxCopyBytes);
        await client.send(new CopyObjectCommand({ Bucket: bucket, Key: key, CopySource: `${bucket}/${tempKey}` }));
      }
      return stored;
    } finally {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: tempKey })).catch(() => {});
    }
  }

  return {
    put: (data) => (Buffer.isBuffer(data) ? putBuffer(data) : putStream(data)),

    putStream: (data, options = {}) => putStream(data, options.maxBytes),

    async get(hash) {
      const key = fileKey(hash);
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return Buffer.from(await answer.Body!.transformToByteArray());
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    },

    async stream(hash, range) {
      const key = fileKey(hash);
      assertByteRange(range);
      const Range = range ? `bytes=${range.start}-${range.end ?? ''}` : undefined;
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...(Range ? { Range } : {}) }));
        return answer.Body as Readable;
      } catch (err) {
        if (isMissing(err)) return undefined;
        // The object exists and the range starts past its end: nothing to read, as on a file.
        if (range && isUnsatisfiableRange(err)) return Readable.from([]);
        throw err;
      }
    },

    async has(hash) {
      return exists(fileKey(hash));
    },

    async delete(hash) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: fileKey(hash) }));
    },
  };
}

/** Derived images every server can read, named by the digest of their cache key. */
export function createS3SharedBlobs(client: S3Client, bucket: string): SharedBlobs {
  const key = (name: string) => {
    assertObjectHash(name);
    return `${derivedPrefix}${name}`;
  };
  return {
    async get(name) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key(name) }));
        const data = Buffer.from(await answer.Body!.transformToByteArray());
        return { data, contentType: answer.ContentType ?? 'application/octet-stream' };
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    },
    async put(name, blob) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key(name), Body: blob.data, ContentLength: blob.data.length, ContentType: blob.contentType }));
    },
  };
}

/**
 * Deletes temp uploads older than `olderThanMs`: left by a server that died mid-upload. Younger
 * ones may belong to another server's upload in progress.
 */
export async function sweepTemp(client: S3Client, bucket: string, olderThanMs = 24 * 60 * 60 * 1000): Promise<number> {
  const cutoff = Date.now() - olderThanMs;
  let removed = 0;
  let ContinuationToken: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: tempPrefix, ContinuationToken }));
    const old = (page.Contents ?? []).filter((o) => o.Key && o.LastModified && o.LastModified.getTime() < cutoff);
    if (old.length > 0) {
      await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: old.map((o) => ({ Key: o.Key! })), Quiet: true } }));
      removed += old.length;
    }
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
  return removed;
}
