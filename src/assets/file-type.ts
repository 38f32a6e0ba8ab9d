/**
 * Files are typed by their bytes. A client's declared type is checked against what the first
 * bytes say (file-type's magic numbers), so JPEG bytes cannot be stored, and later served, as
 * image/png, nor HTML as an image. A generic declaration (application/octet-stream) takes the
 * type the bytes show. Text formats have no magic number: they are judged by content.
 */
import { fileTypeFromBuffer, supportedMimeTypes } from 'file-type';
import { refused } from '../errors/index.js';

/** How many leading bytes are read to decide; file-type needs at most this many. */
export const sniffBytes = 4100;

const generic = new Set(['application/octet-stream', 'binary/octet-stream', 'application/unknown']);

/** Names clients use for the same format, as file-type names it. */
const aliases: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/x-png': 'image/png',
  'image/tif': 'image/tiff',
  'audio/mp3': 'audio/mpeg',
  'application/x-zip-compressed': 'application/zip',
};

const isTextLike = (type: string) =>
  type.startsWith('text/') || type === 'application/json' || type === 'application/xml' || type.endsWith('+xml') || type.endsWith('+json');

/** The bare, lower-case media type of a Content-Type value, with common aliases resolved. */
export function normaliseType(contentType: string): string {
  const bare = contentType.split(';')[0]!.trim().toLowerCase();
  return aliases[bare] ?? bare;
}

/** No NUL bytes: binary formats nearly always have one early, text never does. */
const looksLikeText = (head: Uint8Array) => !head.includes(0);

/** An <svg> root element after the optional BOM, XML declaration, comments, PIs and doctype. */
export function isSvgText(head: Uint8Array): boolean {
  let text = Buffer.from(head).toString('utf8').replace(/^\uFEFF/, '');
  for (;;) {
    const before = text;
    text = text
      .replace(/^\s+/, '')
      .replace(/^<\?[\s\S]*?\?>/, '')
      .replace(/^<!--[\s\S]*?-->/, '')
      .replace(/^<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/i, '');
    if (text === before) break;
  }
  return /^<svg[\s>/]/.test(text);
}

function mismatch(declared: string, actual: string): never {
  const details = `The file's bytes are ${actual}, not ${declared} as declared`;
  throw refused('type', ['fields', 'file'], details, { declared, actual });
}

/**
 * The type to store the file under, from its declared type and its first bytes (at least
 * `sniffBytes` of them when the file is that long); a 422 naming both types when they disagree.
 */
export async function typeFromBytes(contentType: string, head: Uint8Array): Promise<string> {
  const declared = normaliseType(contentType);
  const sniffed = (await fileTypeFromBuffer(head.subarray(0, sniffBytes)))?.mime;
  if (generic.has(declared)) return sniffed ?? declared;
  if (isTextLike(declared)) {
    // file-type recognises a few text formats too (an XML declaration, WebVTT…): those are text.
    if ((sniffed && !isTextLike(sniffed)) || !looksLikeText(head)) mismatch(declared, sniffed ?? 'binary data');
    if (declared === 'image/svg+xml' && !isSvgText(head)) mismatch(declared, 'text without an <svg> root element');
    return declared;
  }
  if (declared.startsWith('image/')) {
    if (sniffed !== declared) mismatch(declared, sniffed ?? (looksLikeText(head) ? 'text' : 'not an image'));
    return declared;
  }
  // Other formats: names vary (MOV or MP4, ZIP-based office files), so only a different kind
  // of file (an image or text declared as a PDF, a video declared as audio) is refused.
  const kind = (type: string) => type.split('/')[0];
  if (sniffed && kind(sniffed) !== kind(declared)) mismatch(declared, sniffed);
  // A format with a magic number that is not there (a "PDF" that is an HTML page).
  if (!sniffed && (supportedMimeTypes as ReadonlySet<string>).has(declared)) mismatch(declared, looksLikeText(head) ? 'text' : 'unrecognised data');
  return declared;
}
