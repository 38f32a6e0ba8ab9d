/**
 * /metrics counts every route of the app (hub, Delivery, Images, admin), labelled by the route
 * pattern, with the image queue, the caches and the database alongside; each app keeps its own
 * registry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFolio, type TestFolio } from './folio.js';

let folio: TestFolio;
let other: TestFolio | undefined;
beforeAll(async () => {
  folio = await startTestFolio();
});
afterAll(async () => {
  await other?.destroy();
  await folio?.destroy();
});

const get = (path: string, init?: RequestInit, on = folio) => fetch(new URL(path, on.url), init);
const metricsText = async (on = folio) => (await get('/metrics', undefined, on)).text();

/** The value of one sample line, e.g. `http_requests_total{method="GET",route="/",status_code="200"}`. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const line = text.split('\n').find((l) => {
    if (!l.startsWith(`${name}{`)) return false;
    const body = l.slice(name.length + 1, l.lastIndexOf('}'));
    const pairs = new Map([...body.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]));
    return Object.entries(labels).every(([k, v]) => pairs.get(k) === v);
  });
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('/metrics', () => {
  it('counts requests to the hub, Delivery, Images and admin per route pattern, with duration histograms', async () => {
    const home = await (await get('/')).text();
    const article = home.match(/href="(\/articles\/[^"]+)"/)![1]!;
    expect((await get(article)).status).toBe(200);
    expect((await get(article)).status).toBe(200);
    const image = home.match(/<img[^>]+src="([^"]+fm=jpg[^"]*)"/)![1]!.replace(/&amp;/g, '&').replace(/^\/\/[^/]+/, '');
    expect((await get(image)).status).toBe(200);
    const delivery = folio.generatedTokens.find((t) => t.kind === 'delivery')!.token;
    const entries = await get('/delivery/spaces/folio/environments/master/entries?limit=1', { headers: { authorization: `Bearer ${delivery}` } });
    expect(entries.status).toBe(200);
    expect((await get('/admin/login')).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await get(`/no-such-page-${i}`)).status).toBe(404);

    const text = await metricsText();
    const count = (route: string, status = '200') => sample(text, 'http_requests_total', { method: 'GET', route, status_code: status });
    expect(count('/')).toBe(1);
    expect(count('/articles/:slug')).toBe(2);
    expect(count('/delivery/spaces/:spaceId/environments/:environmentId/entries')).toBe(1);
    expect(count('/admin/login')).toBe(1);
    expect(count('/images/:spaceId/:assetId/:token/*')).toBe(1);
    // Unmatched paths share one label: what clients send never becomes a label value.
    expect(count('(unmatched)', '404')).toBe(3);
    expect(text).not.toContain('no-such-page');
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/articles/:slug', status_code: '200' })).toBe(2);
    expect(sample(text, 'http_request_duration_seconds_bucket', { method: 'GET', route: '/articles/:slug', status_code: '200', le: '+Inf' })).toBe(2);
    // The first /metrics line tests and dashboards read.
    expect(text).toMatch(/folio_http_responses_total\{method="GET",status="2xx"\} \d+/);

    // Warm answers replayed before Fastify are tallied and added when scraped: once each, however often /metrics is read.
    const ok = (t: string) => sample(t, 'folio_http_responses_total', { method: 'GET', status: '2xx' })!;
    expect((await get(article)).headers.get('x-hub-cache')).toBe('hit');
    expect((await get(article)).headers.get('x-hub-cache')).toBe('hit');
    await metricsText();
    const again = await metricsText();
    const articleLabels = { method: 'GET', route: '/articles/:slug', status_code: '200' };
    expect(sample(again, 'http_requests_total', articleLabels)).toBe(4);
    expect(sample(again, 'http_request_duration_seconds_count', articleLabels)).toBe(4);
    expect(sample(again, 'http_request_duration_seconds_sum', articleLabels)).toBeGreaterThan(0);
    // Two more 2xx for the article, and the two /metrics before this one (each counted once its answer was sent).
    expect(ok(again) - ok(text)).toBe(4);
    const buckets = again.split('\n').filter((l) => l.startsWith('http_request_duration_seconds_bucket{') && l.includes('route="/articles/:slug"'));
    const counts = buckets.map((l) => Number(l.slice(l.lastIndexOf(' ') + 1)));
    expect(counts.at(-1)).toBe(4);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });

  it('shows the caches, the image queue, the database and the process', async () => {
    await get('/');
    await get('/');
    const text = await metricsText();
    expect(sample(text, 'folio_cache_requests_total', { cache: 'hub', result: 'hit' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'folio_cache_requests_total', { cache: 'delivery', result: 'miss' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'folio_cache_entries', { cache: 'hub' })).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'folio_cache_entries', { cache: 'delivery' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'folio_image_queue_tasks', { state: 'running' })).toBe(0);
    expect(sample(text, 'folio_image_queue_tasks', { state: 'concurrency' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'folio_image_cache_requests_total', { result: 'miss' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'folio_db_info', { dialect: 'sqlite' })).toBe(1);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('keeps each app to its own registry', async () => {
    other = await startTestFolio({ FOLIO_DEMO: '0' });
    expect((await get('/healthz', undefined, other)).status).toBe(200);
    const text = await metricsText(other);
    expect(sample(text, 'http_requests_total', { method: 'GET', route: '/healthz', status_code: '200' })).toBe(1);
    expect(sample(text, 'http_requests_total', { method: 'GET', route: '/articles/:slug', status_code: '200' })).toBeUndefined();
  });
});
