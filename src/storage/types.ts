import type { Readable } from 'node:stream';

/** What `put` learned about the bytes it stored. */
export interface StoredObject {
  /** sha256 of the content, lowercase hex: the object's name. */
  hash: string;
  size: number;
}

/**
 * Content-addressed file storage for asset originals. Implementations: filesystem (now), S3
 * (later); both pass storage.contract.ts. A put is atomic: readers see the whole object or none.
 */
export interface FileStorage {
  put(data: Buffer | Readable): Promise<StoredObject>;
  /**
   * Stores a stream as it arrives, never holding it in memory, with put's guarantee (temp file,
   * fsync, rename). Past `maxBytes` it stops reading (the source is destroyed), stores nothing
   * and rejects with SizeLimitError.
   */
  putStream(data: Readable, options?: { maxBytes?: number }): Promise<StoredObject>;
  /** The whole object, or undefined when there is none. */
  get(hash: string): Promise<Buffer | undefined>;
  stream(hash: string): Promise<Readable | undefined>;
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
