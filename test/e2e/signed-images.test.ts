/** With FOLIO_IMAGE_SIGNING_KEY set, the hub signs its own image URLs and unsigned ones are refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFolio, type TestFolio } from './folio.js';

let folio: TestFolio;
beforeAll(async () => {
  folio = await startTestFolio({ FOLIO_IMAGE_SIGNING_KEY: 'new-key-0123456789abcdef,old-key-0123456789abcdef' });
});
afterAll(() => folio?.destroy());

describe('signed image URLs', () => {
  it('serves the hub images (cards, lead and its srcset) signed, and refuses them unsigned', async () => {
    const html = (await Promise.all(['/', '/?page=2'].map(async (p) => (await fetch(new URL(p, folio.url))).text()))).join('');
    const path = (url: string) => url.replace(/&amp;/g, '&').replace(/^\/\/[^/]+/, '');
    const srcs = [...html.matchAll(/\ssrc="(\/\/[^"]+\/images\/[^"]+)"/g)].map((m) => path(m[1]!));
    // The lead and five cards on page 1, one card on page 2.
    expect(srcs).toHaveLength(7);
    const srcset = html.match(/<img class="lead-media"[^>]*\ssrcset="([^"]+)"/)![1]!.split(', ').map((c) => path(c.split(' ')[0]!));
    expect(srcset.length).toBeGreaterThan(1);
    srcs.push(...srcset);
    for (const src of srcs) {
      expect(src).toMatch(/[?&]s=[\w-]+$/);
      expect((await fetch(new URL(src, folio.url))).status, src).toBe(200);
      const unsigned = await fetch(new URL(src.replace(/[?&]s=[\w-]+$/, ''), folio.url));
      expect(unsigned.status).toBe(403);
      expect(((await unsigned.json()) as { sys: { id: string } }).sys.id).toBe('AccessDenied');
    }
  });
});
