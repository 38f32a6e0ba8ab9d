/** The editor on PostgreSQL: sign-in, search and filters, save, publish, sign-out; history, scheduling, preview. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/postgres.js';
import { AdminClient } from './admin-client.js';
import { describeHistoryAndSchedule, quickScheduler } from './admin-history.flow.js';
import { startTestFolio, type TestFolio } from './folio.js';

const password = 'a long enough password';
let folio: TestFolio;
beforeAll(async () => {
  folio = await startTestFolio({ DATABASE_URL: await createTestDatabase(), FOLIO_ADMIN_EMAIL: 'admin@example.com', FOLIO_ADMIN_PASSWORD: password }, undefined, quickScheduler);
});
afterAll(() => folio?.destroy());

const titles = (page: string) => [...page.matchAll(/<td class="title"><a href="[^"]+">([^<]+)</g)].map((m) => m[1]);

describe('the editor on PostgreSQL', () => {
  it('signs in, searches, filters by status, saves, publishes and signs out', async () => {
    const c = new AdminClient(folio.url);
    expect((await c.login('admin@example.com', password)).status).toBe(303);
    expect(titles((await c.get('/admin/articles?q=python')).text)).toContain('How to Learn Python: A Step-by-Step Guide');
    expect(titles((await c.get('/admin/articles?q=zebrafish')).text)).toEqual([]);
    expect(titles((await c.get('/admin/articles?topic=topic-devops')).text)).toHaveLength(2);

    const created = await c.post('/admin/articles', { title: 'Draft' });
    const id = created.location!.split('/').pop()!.split('?')[0]!;
    await c.get(`/admin/articles/${id}`);
    const fields = { title: 'Postgres notes', slug: 'postgres-notes', description: 'Notes.', publishDate: '2026-02-03', type: 'Guide', topics: ['topic-devops'] };
    expect((await c.post(`/admin/articles/${id}`, { ...fields, version: '1', intent: 'save' })).location).toBe(`/admin/articles/${id}?done=saved`);
    expect(titles((await c.get('/admin/articles?status=draft')).text)).toEqual(['Postgres notes']);

    await c.get(`/admin/articles/${id}`);
    expect((await c.post(`/admin/articles/${id}`, { ...fields, version: '2', intent: 'publish' })).location).toBe(`/admin/articles/${id}?done=published`);
    expect(titles((await c.get('/admin/articles?status=draft')).text)).toEqual([]);
    expect((await fetch(`${folio.url}/articles/postgres-notes`)).status).toBe(200);

    await c.post('/admin/logout');
    expect((await c.get('/admin/articles')).status).toBe(303);
  });
});

describeHistoryAndSchedule('PostgreSQL', () => folio);
