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
  /** The whole object, or undefined when there is none. */
  get(hash: string): Promise<Buffer | undefined>;
  stream(hash: string): Promise<Readable | undefined>;
  has(hash: string): Promise<boolean>;
  delete(hash: string): Promise<void>;
}
