/**
 * Delivery responses kept in memory, keyed by request and content version. The version comes
 * from the database (the sync log position and the published model), so a publish by any
 * process sharing the database invalidates the cache; a new version drops everything older.
 */
import { createHash } from 'node:crypto';

export interface CachedResponse {
  /** Encoded once, so a hit is a plain write. */
  json: Buffer;
  etag: string;
  /** The same body gzipped, made once for clients that accept it (the SDKs do). */
  gzip?: Buffer;
}

export class ResponseCache {
  private entries = new Map<string, CachedResponse>();
  private bytes = 0;
  private version = '';

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  get(version: string, key: string): CachedResponse | undefined {
    if (version !== this.version) return undefined;
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert: Map order is the LRU order.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(version: string, key: string, value: CachedResponse): void {
    if (version !== this.version) {
      this.entries.clear();
      this.bytes = 0;
      this.version = version;
    }
    if (sizeOf(value) > this.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old) this.bytes -= sizeOf(old);
    this.entries.set(key, value);
    this.bytes += sizeOf(value);
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= sizeOf(v);
    }
  }

  get size() {
    return this.entries.size;
  }
}

const sizeOf = (r: CachedResponse) => r.json.length + (r.gzip?.length ?? 0);

export const etagOf = (json: Buffer) => `"${createHash('sha1').update(json).digest('base64url')}"`;
