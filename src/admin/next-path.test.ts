import { describe, expect, it } from 'vitest';
import { safeNext } from './next-path.js';

describe('safeNext', () => {
  it('keeps paths inside the editor, with their query', () => {
    expect(safeNext('/admin/media')).toBe('/admin/media');
    expect(safeNext('/admin/articles?topic=topic-python&q=a%20b')).toBe('/admin/articles?topic=topic-python&q=a%20b');
    expect(safeNext('/admin')).toBe('/admin');
  });

  it.each([
    ['', 'empty'],
    ['/admin/articles\r\nSet-Cookie: x=1', 'CR/LF (cannot go into a Location header)'],
    ['/admin/a\u2028b', 'non-ASCII'],
    ['/admin/a b', 'a space'],
    ['//evil.example/admin', 'protocol-relative'],
    ['/\\evil.example/admin', 'backslash'],
    ['/admin\\@evil.example', 'backslash later'],
    ['https://evil.example/admin', 'absolute URL'],
    ['/admin/../evil', 'normalises outside /admin'],
    ['/administrator', 'a longer name'],
    ['/admin//evil.example', 'double slash in the path'],
    ['/admin/login?next=/admin', 'the sign-in page itself'],
    ['/admin/' + 'a'.repeat(3000), 'too long'],
  ])('falls back to the article list for %j (%s)', (next) => {
    expect(safeNext(next)).toBe('/admin/articles');
  });
});
