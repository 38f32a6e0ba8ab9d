import { describe, expect, it } from 'vitest';
import { cssHref, renderError, renderNotFound, siteCss, siteCssHash } from './index.js';
import { countMatches, validationErrors } from './test-support/pages.js';

describe('renderNotFound', () => {
  it('is a friendly, valid 404 page naming the path, with a link home', async () => {
    const out = renderNotFound({ siteName: 'Folio', path: '/articles/does-not-exist' });
    expect(await validationErrors(out)).toEqual([]);
    expect(countMatches(out, /<h1\b/g)).toBe(1);
    expect(out).toContain('<h1>Page not found</h1>');
    expect(out).toContain('<code>/articles/does-not-exist</code>');
    expect(out).toContain('<a class="button" href="/">');
    expect(out).toContain('<meta name="robots" content="noindex">');
    expect(out).not.toContain('rel="canonical"');
  });

  it('escapes and shortens hostile paths', async () => {
    const out = renderNotFound({ siteName: 'Folio', path: `/<script>alert("x")</script>?${'a'.repeat(500)}` });
    expect(out).not.toContain('<script>');
    expect(out).toContain('/&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;?');
    expect(out).not.toContain('a'.repeat(300));
    expect(await validationErrors(out)).toEqual([]);
  });
});

describe('renderError', () => {
  it.each([
    [500, 'Something went wrong'],
    [503, 'Temporarily unavailable'],
    [429, 'Too many requests'],
    [400, 'Bad request'],
    [418, 'Request not handled'],
    [42, 'Something went wrong'],
  ])('%i → %s', async (status, title) => {
    const out = renderError({ siteName: 'Folio', status });
    expect(await validationErrors(out)).toEqual([]);
    expect(countMatches(out, /<h1\b/g)).toBe(1);
    expect(out).toContain(`<h1>${title}</h1>`);
    expect(out).toContain('href="/"');
  });
});

describe('the stylesheet', () => {
  it('is small, hashed by content, and linked from every page', () => {
    expect(Buffer.byteLength(siteCss)).toBeLessThan(16000);
    expect(siteCssHash).toMatch(/^[0-9a-f]{10}$/);
    expect(cssHref()).toBe(`/assets/site.${siteCssHash}.css`);
    expect(renderNotFound({ siteName: 'Folio', path: '/' })).toContain(`<link rel="stylesheet" href="${cssHref()}">`);
  });

  it('has a dark scheme, focus styles and the card image ratio', () => {
    expect(siteCss).toContain('@media (prefers-color-scheme:dark)');
    expect(siteCss).toContain(':focus-visible');
    expect(siteCss).toContain('aspect-ratio:330 / 216');
    expect(siteCss).toContain('object-fit:cover');
  });
});
