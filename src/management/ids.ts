import { randomBytes } from 'node:crypto';
import { FolioError } from '../errors/index.js';

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** 22 base62 characters, the shape of the ids Contentful generates for POSTed resources. */
export function newResourceId(): string {
  let id = '';
  while (id.length < 22) for (const b of randomBytes(32)) if (b < 248 && id.length < 22) id += alphabet[b % 62];
  return id;
}

/** Ids chosen by clients (PUT): Contentful allows 1–64 of letters, digits, '-', '_' and '.'. */
export function assertResourceId(id: string): string {
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(id)) {
    throw new FolioError('BAD_REQUEST', `"${id.slice(0, 80)}" is not a valid id: use 1 to 64 letters, digits, ".", "-" or "_"`);
  }
  return id;
}
