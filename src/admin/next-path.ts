/**
 * Where to go after signing in: only a path inside the editor on this origin. Anything else
 * (another host, `//host`, `/\host`, control characters such as CR/LF that cannot go into a
 * Location header, paths that normalise outside /admin) falls back to the article list.
 */
const fallback = '/admin/articles';
const base = 'http://folio.invalid';

export function safeNext(next: string): string {
  // Printable ASCII without spaces: a browser sends a percent-encoded path, never raw bytes.
  if (next.length > 2000 || !/^\/[\x21-\x7e]*$/.test(next) || next.includes('\\') || next.startsWith('//')) return fallback;
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base || !/^\/admin(\/|$)/.test(url.pathname) || url.pathname.includes('//')) return fallback;
  if (url.pathname === '/admin/login' || url.pathname.startsWith('/admin/login/')) return fallback;
  return url.pathname + url.search;
}
