import type { Readable } from 'node:stream';

/** What `put` learned about the bytes it stored. */
export interface StoredObject {
  /** sha256 of the content, lowercase hex: the object's name. */
  hash: string;
  size: number;
}

/**
 * Bytes `start` to `end` of an object, both inclusive as in HTTP's Range header; without `end`,
 * to the last byte. A range past the end is cut to the object; one starting at or past the end
 * reads nothing.
 */
export interface ByteRange {
  start: number;
  end?: number | undefined;
}

/**
 * Content-addressed file storage for asset originals. Implementations: filesystem and S3; both
 * pass storage.contract.ts. A put is atomic: readers see the whole object or none.
 */
export interface FileStorage {
  put(data: Buffer | Readable): Promise<StoredObject>;
  /**
   * Stores a stream as it arrives, never holding it whole in memory, with put's guarantee. Past `maxBytes` it stops reading (the source is destroyed), stores nothing
   * and rejects with SizeLimitError.
   */
  putStream(data: Readable, options?: { maxBytes?: number }): Promise<StoredObject>;
  /** The whole object, or undefined when there is none. */
  get(hash: string): Promise<Buffer | undefined>;
  /** The object (or `range` of it) as a stream, or undefined when there is none. */
  stream(hash: string, range?: ByteRange): Promise<Readable | undefined>;
  has(hash: string): Promise<boolean>;
  delete(hash: string): Promise<void>;
}

/** A stream longer than the caller allowed. `statusCode` lets HTTP layers answer 413. */
export class SizeLimitError extends Error {
  readonly statusCode = 413;
  constructor(readonly maxBytes: number) {
    super(`The file is larger than the limit of ${formatBytes(maxBytes)}`);
    this.name = 'SizeLimitError';
  }
}

export const formatBytes = (n: number) =>
  n >= 1024 * 1024 ? `${+(n / (1024 * 1024)).toFixed(1)} MB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KB` : `${n} bytes`;

/** Bytes with their media type, stored under a name. */
export interface NamedBlob {
  data: Buffer;
  contentType: string;
}

/**
 * Blobs every server sharing a store can read (derived images), named by a sha256 hex digest.
 * Last write wins: writers of one name write the same bytes.
 */
export interface SharedBlobs {
  get(name: string): Promise<NamedBlob | undefined>;
  put(name: string, blob: NamedBlob): Promise<void>;
}
