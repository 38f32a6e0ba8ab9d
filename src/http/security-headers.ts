/**
 * Headers every answer carries, set once for the whole app in an onSend hook.
 *
 * Pages (hub and editor) get a strict Content-Security-Policy. Neither has inline script: the
 * hub's search script and the editor's bundle are files under content-hashed URLs, and the
 * hub's JSON-LD blocks are data (type application/ld+json), which CSP does not govern and
 * browsers never run. Should an inline script ever be needed, its sha256 goes into script-src
 * (computed once at start-up from its exact bytes), never 'unsafe-inline'.
 * Styles: both stylesheets are files too, and no page has a <style> element. The editor has
 * no style attribute either (its focal-point dot is placed through the CSSOM, which CSP
 * allows, as is ProseMirror's use of element.style): style-src 'self', nothing inline.
 * The hub's images carry their placeholder (dominant colour, ThumbHash as a data: background)
 * in a style attribute, computed per image at ingest; it paints before the image arrives and
 * keeps layout and LCP good. Values differ per image and page, so hashes would mean a policy
 * per cached page: instead the hub allows inline style *attributes* ('unsafe-inline' in
 * style-src, which CSP3 browsers apply to attributes only, since style-src-elem 'self' keeps
 * <style> elements out). Attributes cannot run script, and every value in them is escaped.
 * Images come from this origin (and the public URL's, which image URLs name), data: URIs
 * (the favicon) and blob: URLs (the editor's refreshed previews).
 *
 * Other answers (APIs, scripts, styles) get a policy that allows nothing, which matters only
 * if one is ever opened as a document. Asset files set their own, stricter policy per type
 * (src/images/route.ts), which is kept.
 */
import type { FastifyInstance } from 'fastify';

export interface SecurityHeaderOptions {
  /** FOLIO_PUBLIC_URL: its origin may serve images; https turns on HSTS. */
  publicUrl: string;
}

/**
 * `frameSrc`: other sites a page may show in a frame (the editor's live preview of a content type
 * whose preview URL is another site). `frameAncestors`: who may frame the page (the hub's signed
 * draft pages: the editor, on this origin).
 */
export function pagePolicy(publicUrl: string, opts: { styleAttributes: boolean; frameSrc?: string[]; frameAncestors?: "'self'" }): string {
  const origin = new URL(publicUrl).origin;
  return [
    "default-src 'self'",
    "script-src 'self'",
    ...(opts.styleAttributes ? ["style-src 'self' 'unsafe-inline'", "style-src-elem 'self'"] : ["style-src 'self'"]),
    `img-src 'self' ${origin} data: blob:`,
    "connect-src 'self'",
    ...(opts.frameSrc?.length ? [`frame-src 'self' ${opts.frameSrc.join(' ')}`] : []),
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${opts.frameAncestors ?? "'none'"}`,
  ].join('; ');
}

const isEditorPath = (url: string) => url === '/admin' || url.startsWith('/admin/') || url.startsWith('/admin?');

export const nonPagePolicy = "default-src 'none'; frame-ancestors 'none'";

export function installSecurityHeaders(app: FastifyInstance, opts: SecurityHeaderOptions): void {
  // The hub's pages may be framed by this origin only: the editor's live preview shows them beside its form.
  const hub = pagePolicy(opts.publicUrl, { styleAttributes: true, frameAncestors: "'self'" });
  const editor = pagePolicy(opts.publicUrl, { styleAttributes: false });
  const https = opts.publicUrl.startsWith('https:');
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    if (https) reply.header('strict-transport-security', 'max-age=31536000');
    if (reply.hasHeader('content-security-policy')) return;
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      const editorPage = isEditorPath(request.url);
      reply.header('content-security-policy', editorPage ? editor : hub);
      // For browsers older than frame-ancestors.
      reply.header('x-frame-options', editorPage ? 'DENY' : 'SAMEORIGIN');
    } else {
      reply.header('content-security-policy', nonPagePolicy);
    }
  });
}
