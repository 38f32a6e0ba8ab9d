/** With FOLIO_IMAGE_SIGNING_KEY set, the hub signs its own image URLs and unsigned ones are refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFolio, type TestFolio } from './folio.js';

let folio: TestFolio;
beforeAll(async () => {
  folio = await startTestFolio({ FOLIO_IMAGE_SIGNING_KEY: 'new-key-0123456789abcdef,old-key-0123456789abcdef' });
});
afterAll(() => folio?.destroy());

describe('signed image URLs', () => {
  it('serves the hub card images signed, and refuses them unsigned', async () => {
    const html = await (await fetch(new URL('/', folio.url))).text();
    const srcs = [...html.matchAll(/src="(\/\/[^"]+\/images\/[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/^\/\/[^/]+/, ''));
    expect(srcs).toHaveLength(7);
    for (const src of srcs) {
      expect(src).toMatch(/[?&]s=[\w-]+$/);
      expect((await fetch(new URL(src, folio.url))).status, src).toBe(200);
      const unsigned = await fetch(new URL(src.replace(/[?&]s=[\w-]+$/, ''), folio.url));
      expect(unsigned.status).toBe(403);
      expect(((await unsigned.json()) as { sys: { id: string } }).sys.id).toBe('AccessDenied');
    }
  });
});
