/**
 * What keeps uploaded files harmless on the API's origin: they share it, so none may run
 * script there. No sniffing, ever; anything opened directly is sandboxed. Types a browser only
 * displays (raster images, audio, video, plain text) are shown inline; PDF is spared the
 * sandbox, which breaks built-in viewers. An SVG image under /images is shown too (pages embed
 * it, as Contentful's images.ctfassets.net serves it) under a policy that runs nothing and
 * loads nothing but its own inline styles. Everything else, above all what can carry script
 * (HTML, XML, SVG under /files), gets a policy that allows nothing and is downloaded, never
 * rendered on this origin. Transforms are always raster images.
 */
import { isVectorType } from './formats.js';

/** How a file is being served. */
export type Served = 'file' | 'image' | 'transformed';

const inlineTypes = /^(image\/(jpeg|png|webp|avif|gif)|audio\/[a-z0-9.+-]+|video\/[a-z0-9.+-]+|text\/plain|application\/pdf)$/;

export const vectorImagePolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
const downloadPolicy = "sandbox; default-src 'none'";

export function safetyHeaders(contentType: string, served: Served): Record<string, string> {
  const headers: Record<string, string> = { 'x-content-type-options': 'nosniff', 'access-control-allow-origin': '*' };
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (served === 'transformed') return { ...headers, 'content-security-policy': 'sandbox' };
  if (served === 'image' && isVectorType(type)) return { ...headers, 'content-security-policy': vectorImagePolicy };
  if (inlineTypes.test(type) && !type.includes('xml')) {
    return type === 'application/pdf' ? headers : { ...headers, 'content-security-policy': 'sandbox' };
  }
  return { ...headers, 'content-security-policy': downloadPolicy, 'content-disposition': 'attachment' };
}
