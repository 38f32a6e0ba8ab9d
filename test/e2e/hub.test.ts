/** The foundation slice over real HTTP: demo content in SQLite, the hub, the Images API. */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFolio, type TestFolio } from './folio.js';

let folio: TestFolio;
beforeAll(async () => {
  folio = await startTestFolio();
});
afterAll(() => folio?.destroy());

const get = (path: string, init?: RequestInit) => fetch(new URL(path, folio.url), init);

const cardImages = (html: string) =>
  [...html.matchAll(/<img\b[^>]*>/g)].map((m) => m[0]).filter((tag) => tag.includes('/images/') && tag.includes('class="card-media"'));

/** The home page's cards on every page, and the lead story's image. */
async function allCards() {
  const first = await (await get('/')).text();
  const second = await (await get('/?page=2')).text();
  return { html: first + second, lead: first.match(/<img class="lead-media"[^>]*>/)?.[0] ?? '' };
}

const attr = (tag: string, name: string) => tag.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];

/** The path of a protocol-relative URL (Folio's public URL names localhost; tests talk to 127.0.0.1). */
const pathOf = (src: string) => src.replace(/^\/\/[^/]+/, '');

interface ErrorJson {
  sys: { type: string; id: string };
  message: string;
  requestId: string;
}

const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

describe('the article hub', () => {
  it('lists seven published articles newest first over two pages: a lead, then cards with the seed card image URL', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const { html, lead } = await allCards();
    expect(attr(lead, 'srcset')).toMatch(/fm=auto/);
    expect(attr(lead, 'alt')).toMatch(/^\[Featured [Ii]mage\] /);
    const images = cardImages(html);
    expect(images).toHaveLength(6);
    for (const img of images) {
      const src = unescape(attr(img, 'src') ?? '');
      expect(src).toMatch(/^\/\/localhost:\d+\/images\/folio\/[^/]+\/[0-9a-f]{32}\/[^/?]+\?w=330&h=216&q=60&fit=fill&f=faces&fm=jpg&fl=progressive$/);
      expect(attr(img, 'width')).toBe('330');
      expect(attr(img, 'height')).toBe('216');
      expect(attr(img, 'alt')).toMatch(/^\[Featured [Ii]mage\] /);
    }
    const dates = [...html.matchAll(/<time datetime="(\d{4}-\d{2}-\d{2})/g)].map((m) => m[1]!);
    expect(dates).toHaveLength(7);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('shows the DevOps card exactly as the seed does', async () => {
    const html = unescape((await allCards()).html);
    expect(html).toContain('What Does a DevOps Engineer Do? And How to Become One');
    expect(html).toContain(
      "A DevOps engineer is responsible for optimizing an organization's software, including software maintenance and server administration. Learn how to get the skills you need to be a DevOps engineer.",
    );
    expect(html).toContain('December 15, 2021');
    expect(html).toContain(
      'alt="[Featured Image] A DevOps engineer types on their computer and looks at their dual monitors as they update software coding."',
    );
    expect(html).toMatch(/href="\/articles\/[a-z0-9-]+"/);
  });

  it('renders every article page with its hero image and body', async () => {
    const { html } = await allCards();
    const links = [...new Set([...html.matchAll(/href="(\/articles\/[^"]+)"/g)].map((m) => m[1]!))];
    expect(links).toHaveLength(7);
    for (const link of links) {
      const res = await get(link);
      expect(res.status, link).toBe(200);
      const page = await res.text();
      expect(page.match(/<h1\b/g), link).toHaveLength(1);
      expect(page.match(/<h2\b/g)?.length ?? 0, link).toBeGreaterThanOrEqual(3);
      expect(page, link).toContain('/images/folio/');
    }
  });

  it('answers unknown pages with a readable 404 page', async () => {
    for (const path of ['/nope', '/articles/does-not-exist', '/articles/a/b']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toContain('Page not found');
    }
  });

  it('answers a malformed URL with a readable 400 page, not a 5xx', async () => {
    const res = await get('/articles/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('<h1');
  });
});

describe('the Images API on demo assets', () => {
  const firstImage = async () => unescape(attr(cardImages(await (await get('/')).text())[0]!, 'src')!);

  it('serves the seed crop as a 330×216 progressive JPEG, cacheable forever', async () => {
    const src = await firstImage();
    const res = await get(pathOf(src));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 330, height: 216, isProgressive: true });

    const again = await get(pathOf(src), { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('404s a wrong token or unknown asset with Contentful error JSON', async () => {
    const path = pathOf(await firstImage()).split('?')[0]!;
    const parts = path.split('/');
    const wrongToken = [...parts.slice(0, 4), '0'.repeat(32), parts[5]].join('/');
    const unknownAsset = [...parts.slice(0, 3), 'nope', ...parts.slice(4)].join('/');
    for (const p of [wrongToken, unknownAsset, '/images/other-space/x/y/z.jpg']) {
      const res = await get(p);
      expect(res.status, p).toBe(404);
      const body = (await res.json()) as ErrorJson;
      expect(body).toMatchObject({ sys: { type: 'Error', id: 'NotFound' } });
      expect(typeof body.requestId).toBe('string');
    }
  });

  it('answers a bad parameter with 400 naming it', async () => {
    const path = pathOf(await firstImage()).split('?')[0]!;
    const res = await get(`${path}?w=0`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorJson;
    expect(body.sys.id).toMatch(/BadRequest|InvalidQuery/);
    expect(body.message).toContain('w');
  });
});

describe('operations endpoints', () => {
  it('reports health, readiness and metrics', async () => {
    expect(await (await get('/healthz')).json()).toEqual({ status: 'ok' });
    expect(await (await get('/readyz')).json()).toEqual({ status: 'ready', checks: { database: 'ok', storage: 'ok' } });
    const metrics = await (await get('/metrics')).text();
    expect(metrics).toMatch(/folio_http_responses_total\{method="GET",status="2xx"\} \d+/);
  });
});
