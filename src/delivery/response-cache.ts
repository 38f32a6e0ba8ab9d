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
    if (value.json.length > this.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old) this.bytes -= old.json.length;
    this.entries.set(key, value);
    this.bytes += value.json.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.json.length;
    }
  }

  get size() {
    return this.entries.size;
  }
}

export const etagOf = (json: Buffer) => `"${createHash('sha1').update(json).digest('base64url')}"`;
