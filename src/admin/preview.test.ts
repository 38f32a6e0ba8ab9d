/** Preview URL patterns: what Settings accepts, and how an entry fills them in. */
import { describe, expect, it } from 'vitest';
import type { EntryRecord } from '../store/types.js';
import { fillPattern, patternOrigin, patternProblem } from './preview.js';

const entry = { sys: { id: 'e1' }, fields: { slug: { 'en-US': 'launch party', 'de-DE': 'feier' }, seats: { 'en-US': 40 } } } as unknown as EntryRecord;

describe('preview URL patterns', () => {
  it('accept paths of this site and http(s) sites with known placeholders, nothing else', () => {
    for (const ok of ['', '/events/{fields.slug}', 'https://site.example/e/{entry.sys.id}?l={locale}&env={env_id}', '/e/{entry.fields.slug}/{entry_id}']) expect(patternProblem(ok), ok).toBeUndefined();
    expect(patternProblem('//evil.example/{fields.slug}')).toMatch(/^Start the preview URL/);
    expect(patternProblem('javascript:alert(1)')).toMatch(/^Start the preview URL/);
    expect(patternProblem('/a b')).toMatch(/^Start the preview URL/);
    expect(patternProblem('/events/{slug}')).toBe('Unknown placeholder {slug}: use {fields.<field id>}, {entry.sys.id} or {locale}.');
    expect(patternProblem(`/${'x'.repeat(500)}`)).toMatch(/under 500 characters/);
  });

  it('fill placeholders from the entry in the locale (the default locale where it has none), encoded, and wait for empty ones', () => {
    expect(fillPattern('/events/{fields.slug}?n={fields.seats}&l={locale}', entry, 'de-DE', 'en-US', 'master')).toBe('/events/feier?n=40&l=de-DE');
    expect(fillPattern('/events/{entry.fields.slug}/{entry.sys.id}', entry, 'en-US', 'en-US', 'master')).toBe('/events/launch%20party/e1');
    expect(fillPattern('/events/{fields.missing}', entry, 'en-US', 'en-US', 'master')).toBeUndefined();
  });

  it('name the other site a pattern points at, for the frame-src of the editor page', () => {
    expect(patternOrigin('https://site.example:8443/e/{entry.sys.id}')).toBe('https://site.example:8443');
    expect(patternOrigin('/events/{fields.slug}')).toBeUndefined();
  });
});
