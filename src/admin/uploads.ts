/**
 * How files reach the editor: streamed as a request body by the script (name in X-File-Name), or
 * in a multipart form when the page works without JavaScript. Either way the route gets the same
 * IncomingFile, and the content operation types it by its bytes.
 */
import { errorCodes, type FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import type { IncomingFile } from '../assets/index.js';
import { FolioError } from '../errors/index.js';
import { formatBytes } from '../storage/index.js';

/** The most a request may carry: one file of this size, or several together. */
export const uploadLimit = 50 * 1024 * 1024;
/** Files one form may send at once (the script sends each on its own). */
export const maxFormFiles = 20;
/** A form's own fields beside its files (CSRF token, version): far less than this. */
const formOverhead = 64 * 1024;
const multipartLimit = uploadLimit + formOverhead;
/**
 * A browser shows the answer to a form only once it has sent the body: a form too large is read
 * to its end (and dropped) so the person sees why, up to this much; beyond, the connection is cut.
 */
const drainLimit = 4 * multipartLimit;

export const tooLargeMessage = `A file may be at most ${formatBytes(uploadLimit)} (several files sent together count as one). Nothing was uploaded.`;

const files = Symbol('files');
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** A parsed form: its text fields as formbody gives them (a string, or a list when repeated), its files aside. */
export type MultipartBody = Record<string, string | string[]> & { [files]: Map<string, IncomingFile[]> };

/** A file name safe to keep: the last path segment, no control characters, at most 200 characters. */
export function cleanFileName(raw: string): string {
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // keep it as sent
  }
  name = name.split(/[\\/]/).pop() ?? '';
  name = name.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(-200);
  return name || 'upload';
}

/** A form body: at most `multipartLimit` bytes kept; a larger one is read to its end and refused (413). */
export function readFormBody(stream: Readable, declaredLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
    if (declaredLength > drainLimit) {
      stream.destroy();
      return reject(tooLarge());
    }
    const chunks: Buffer[] = [];
    let received = 0;
    stream.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > drainLimit) stream.destroy(tooLarge());
      else if (received <= multipartLimit) chunks.push(chunk);
      else chunks.length = 0;
    });
    stream.on('error', reject);
    stream.on('end', () => (received > multipartLimit ? reject(tooLarge()) : resolve(Buffer.concat(chunks, received))));
  });
}

/**
 * Parses a multipart/form-data body with the platform's own parser (undici's, behind
 * Response.formData). An empty file input (no name, no bytes) sends nothing.
 */
export async function parseMultipart(contentType: string, body: Buffer): Promise<MultipartBody> {
  let form: FormData;
  try {
    form = await new Response(body as Uint8Array<ArrayBuffer>, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new FolioError('BAD_REQUEST', 'The form could not be read. Go back and send it again.');
  }
  const out = Object.create(null) as MultipartBody;
  const found = new Map<string, IncomingFile[]>();
  let count = 0;
  for (const [name, value] of form) {
    if (forbiddenKeys.has(name)) throw new FolioError('BAD_REQUEST', 'The form has a field Folio does not accept.');
    if (typeof value === 'string') {
      const had = out[name];
      out[name] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
      continue;
    }
    if (value.name === '' && value.size === 0) continue;
    if (++count > maxFormFiles) throw new FolioError('BAD_REQUEST', `Send at most ${maxFormFiles} files at once.`);
    const list = found.get(name) ?? [];
    list.push({ fileName: cleanFileName(value.name), contentType: normalType(value.type), data: Buffer.from(await value.arrayBuffer()) });
    found.set(name, list);
  }
  Object.defineProperty(out, files, { value: found, enumerable: false });
  return out;
}

const normalType = (raw: string | undefined) => (raw || 'application/octet-stream').split(';')[0]!.trim().toLowerCase();

export const isMultipart = (body: unknown): body is MultipartBody => typeof body === 'object' && body !== null && files in body;

/** The files a form sent under `name` (none for any other body). */
export const formFiles = (body: unknown, name: string): IncomingFile[] => (isMultipart(body) ? (body[files].get(name) ?? []) : []);

/** The file a request body carries (its name in X-File-Name, URI-encoded), or undefined when there is none. */
export function streamedFile(request: FastifyRequest): IncomingFile | undefined {
  const data = request.body;
  if (!Buffer.isBuffer(data) || data.length === 0) return undefined;
  return { fileName: cleanFileName(String(request.headers['x-file-name'] ?? 'upload')), contentType: normalType(request.headers['content-type']), data };
}
