import { randomBytes } from 'node:crypto';

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** 22 random base62 characters, the shape of Contentful's generated ids. */
export function newId(): string {
  const bytes = randomBytes(32);
  let id = '';
  for (const b of bytes) {
    if (b < 248) id += alphabet[b % 62]; // 248 = 4·62: keeps the distribution uniform
    if (id.length === 22) return id;
  }
  return id + newId().slice(id.length);
}

export const now = () => new Date().toISOString();
