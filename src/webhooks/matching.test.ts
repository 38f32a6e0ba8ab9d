import { describe, expect, it } from 'vitest';
import type { ContentEventRecord } from '../store/index.js';
import { parseDefinition } from './definition-input.js';
import { backoffDelay } from './dispatcher.js';
import { filterProblem, filtersMatch } from './filters.js';
import { webhookPayload } from './payload.js';
import { normalizeTopic, topicMatches } from './topics.js';

describe('topics', () => {
  it('accept Contentful patterns, with or without the ContentManagement prefix', () => {
    expect(['Entry.publish', '*.*', 'Asset.*', '*.delete', 'ContentManagement.ContentType.save'].map(normalizeTopic)).toEqual([
      'Entry.publish',
      '*.*',
      'Asset.*',
      '*.delete',
      'ContentType.save',
    ]);
    for (const bad of ['Entry', 'Entry.publish.now', 'Nope.publish', 'Entry.explode', '']) expect(normalizeTopic(bad), bad).toBeUndefined();
  });

  it('match event topics by type and action, wildcards included', () => {
    const t = 'ContentManagement.Entry.publish';
    expect(topicMatches(['Entry.publish'], t)).toBe(true);
    expect(topicMatches(['*.publish'], t)).toBe(true);
    expect(topicMatches(['Entry.*'], t)).toBe(true);
    expect(topicMatches(['*.*'], t)).toBe(true);
    expect(topicMatches(['Asset.publish', 'Entry.unpublish'], t)).toBe(false);
  });
});

describe('filters', () => {
  const payload = { sys: { id: 'post-1', environment: { sys: { id: 'master' } }, contentType: { sys: { id: 'post' } } } };
  const doc = (d: string) => ({ doc: d });

  it('hold when every constraint holds', () => {
    expect(filtersMatch([], payload)).toBe(true);
    expect(filtersMatch([{ equals: [doc('sys.id'), 'post-1'] }, { in: [doc('sys.contentType.sys.id'), ['post', 'page']] }], payload)).toBe(true);
    expect(filtersMatch([{ regexp: [doc('sys.id'), { pattern: '^post-' }] }], payload)).toBe(true);
    expect(filtersMatch([{ not: { equals: [doc('sys.environment.sys.id'), 'master'] } }], payload)).toBe(false);
    expect(filtersMatch([{ equals: [doc('sys.id'), 'post-1'] }, { equals: [doc('sys.contentType.sys.id'), 'page'] }], payload)).toBe(false);
    // A payload without the property (an asset has no content type) fails equals and passes not.
    const asset = { sys: { id: 'a' } };
    expect(filtersMatch([{ equals: [doc('sys.contentType.sys.id'), 'post'] }], asset)).toBe(false);
    expect(filtersMatch([{ not: { equals: [doc('sys.contentType.sys.id'), 'post'] } }], asset)).toBe(true);
  });

  it('say what is wrong with a malformed constraint', () => {
    expect(filterProblem({ equals: [doc('sys.id'), 'x'] })).toBeUndefined();
    expect(filterProblem({ equals: [doc('fields.title'), 'x'] })).toMatch(/doc must be one of/);
    expect(filterProblem({ in: [doc('sys.id'), []] })).toMatch(/non-empty list/);
    expect(filterProblem({ regexp: [doc('sys.id'), { pattern: '[' }] })).toMatch(/not a valid regular expression/);
    expect(filterProblem({ not: { not: { equals: [doc('sys.id'), 'x'] } } })).toMatch(/nested/);
    expect(filterProblem({ equals: [doc('sys.id'), 'x'], in: [] })).toMatch(/exactly one/);
  });
});

describe('backoff', () => {
  it('doubles per attempt up to the cap, with jitter in the upper half', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, 1000, 5000, () => 1))).toEqual([1000, 2000, 4000, 5000]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, 1000, 5000, () => 0))).toEqual([500, 1000, 2000, 2500]);
  });
});

describe('payloads', () => {
  const sys = { id: 'a1', version: 3, publishedVersion: 2, publishedCounter: 1, createdAt: 't0', updatedAt: 't1', publishedAt: 't1', firstPublishedAt: 't1', archivedAt: null };
  const event = (topic: string, entity: unknown, entityType: 'Asset' | 'Entry' = 'Asset'): ContentEventRecord => ({
    seq: 1,
    spaceId: 'folio',
    environmentId: 'master',
    topic,
    entityType,
    entityId: 'a1',
    contentTypeId: null,
    entity: entity as never,
    createdAt: 't2',
  });

  it('give assets their file URL instead of the stored hash', () => {
    const file = { fileName: 'p.jpg', contentType: 'image/jpeg', hash: 'ab'.repeat(32), details: { size: 3 } };
    const payload = webhookPayload(event('ContentManagement.Asset.publish', { sys, metadata: { tags: ['news'] }, fields: { file: { 'en-US': file } } }), 'https://cms.example');
    expect(payload).toMatchObject({
      metadata: { tags: [{ sys: { type: 'Link', linkType: 'Tag', id: 'news' } }] },
      sys: { type: 'Asset', id: 'a1', version: 3, publishedVersion: 2, space: { sys: { id: 'folio' } }, environment: { sys: { id: 'master' } } },
      fields: { file: { 'en-US': { url: `//cms.example/images/folio/a1/${'ab'.repeat(16)}/p.jpg`, fileName: 'p.jpg', details: { size: 3 } } } },
    });
    expect(JSON.stringify(payload)).not.toContain('hash');
  });

  it('carry the Management API\'s sys: who created, updated and published the entry', () => {
    const by = { createdBy: 'u1', updatedBy: 'u2', publishedBy: 'u2' };
    const payload = webhookPayload(event('ContentManagement.Entry.publish', { sys: { ...sys, ...by, contentTypeId: 'post' }, fields: {} }, 'Entry'), 'https://cms.example') as { sys: object };
    const user = (id: string) => ({ sys: { type: 'Link', linkType: 'User', id } });
    expect(payload.sys).toMatchObject({ createdBy: user('u1'), updatedBy: user('u2'), publishedBy: user('u2'), contentType: { sys: { id: 'post' } }, firstPublishedAt: 't1' });
  });

  it('send tombstones for unpublish and delete', () => {
    const payload = webhookPayload(event('ContentManagement.Entry.delete', { sys: { ...sys, contentTypeId: 'post' }, fields: {} }, 'Entry'), 'https://cms.example');
    expect(payload).toEqual({
      sys: {
        type: 'DeletedEntry',
        id: 'a1',
        space: { sys: { type: 'Link', linkType: 'Space', id: 'folio' } },
        environment: { sys: { type: 'Link', linkType: 'Environment', id: 'master' } },
        contentType: { sys: { type: 'Link', linkType: 'ContentType', id: 'post' } },
        revision: 1,
        createdAt: 't0',
        updatedAt: 't2',
        deletedAt: 't2',
      },
    });
  });
});

describe('definition input', () => {
  const base = { name: 'Hook', url: 'https://example.com/h', topics: ['*.*'] };

  it('fills defaults and generates a signing secret', () => {
    const parsed = parseDefinition(base);
    expect(parsed).toMatchObject({ active: true, filters: [], headers: [], httpBasicUsername: null, httpBasicPassword: null, secretGiven: false });
    expect(parsed.secret.length).toBeGreaterThanOrEqual(32);
  });

  it('keeps secrets an update leaves out, and drops the password when the user changes', () => {
    const existing = {
      ...parseDefinition({ ...base, headers: [{ key: 'X-Key', value: 'v', secret: true }], httpBasicUsername: 'u', httpBasicPassword: 'p', secret: 'my-own-secret-value' }),
      spaceId: 's',
      id: 'h',
      version: 1,
      createdAt: '',
      updatedAt: '',
      createdBy: '',
      updatedBy: '',
    };
    const kept = parseDefinition({ ...base, headers: [{ key: 'X-Key', secret: true }], httpBasicUsername: 'u' }, existing);
    expect([kept.headers[0]?.value, kept.httpBasicPassword, kept.secret]).toEqual(['v', 'p', 'my-own-secret-value']);
    expect(parseDefinition({ ...base, httpBasicUsername: 'other' }, existing).httpBasicPassword).toBeNull();
  });

  it('refuses transformations, unsafe URLs and header injection', () => {
    const paths = (input: unknown) => {
      try {
        parseDefinition(input);
        return [];
      } catch (err) {
        return ((err as { details: { errors: Array<{ path: unknown[] }> } }).details.errors ?? []).map((e) => e.path.join('.'));
      }
    };
    expect(paths({ ...base, transformation: { method: 'PUT' } })).toEqual(['transformation']);
    expect(paths({ ...base, url: 'https://user:pw@example.com' })).toEqual(['url']);
    expect(paths({ ...base, url: 'javascript:alert(1)' })).toEqual(['url']);
    expect(paths({ ...base, headers: [{ key: 'X-A', value: 'a\r\nX-B: b' }] })).toEqual(['headers.0.value']);
    expect(paths({ ...base, secret: 'short' })).toEqual(['secret']);
  });
});
