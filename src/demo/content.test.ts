/** The demo content model and entries, against CONTRACT.md and the seed page they reproduce. */
import { BLOCKS, INLINES, validateRichTextDocument, type Document } from '@contentful/rich-text-types';
import { describe, expect, it } from 'vitest';
import type { FieldDefinition, Json } from '../store/types.js';
import { demoAssets, demoContentTypes, demoEntries, type DemoEntry } from './index.js';
import { extensionOf, readSeedCards } from './test-support/seed-page.js';

const seed = readSeedCards();
const articles = demoEntries.filter((e) => e.contentTypeId === 'article');
const typeOf = (id: string) => demoContentTypes.find((t) => t.id === id)!;
const fieldOf = (type: string, id: string) => typeOf(type).fields.find((f) => f.id === id)!;

type LinkValue = { sys: { type: 'Link'; linkType: 'Entry' | 'Asset'; id: string } };
const isLink = (v: Json): v is LinkValue =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof v.sys === 'object' && (v.sys as { type?: unknown } | null)?.type === 'Link';
const linksIn = (v: Json): LinkValue[] =>
  isLink(v) ? [v] : Array.isArray(v) ? v.flatMap(linksIn) : typeof v === 'object' && v !== null ? Object.values(v).flatMap(linksIn) : [];

const DEVOPS_TITLE = 'What Does a DevOps Engineer Do? And How to Become One';
const DEVOPS_ALT =
  '[Featured Image] A DevOps engineer types on their computer and looks at their dual monitors as they update software coding.';

describe('demo content model', () => {
  it('has the content types of CONTRACT.md, with article fields in order', () => {
    expect(demoContentTypes.map((t) => t.id)).toEqual(['topic', 'author', 'article']);
    expect(typeOf('article').fields.map((f) => [f.id, f.type, f.required])).toEqual([
      ['title', 'Symbol', true],
      ['slug', 'Symbol', true],
      ['description', 'Text', true],
      ['body', 'RichText', false],
      ['publishDate', 'Date', true],
      ['type', 'Symbol', true],
      ['featuredImage', 'Link', false],
      ['topics', 'Array', false],
      ['author', 'Link', false],
    ]);
    expect(typeOf('topic').fields.map((f) => f.id)).toEqual(['name', 'slug', 'description']);
    expect(typeOf('author').fields.map((f) => f.id)).toEqual(['name', 'slug', 'bio']);
    expect(demoContentTypes.map((t) => [t.id, t.displayField])).toEqual([
      ['topic', 'name'],
      ['author', 'name'],
      ['article', 'title'],
    ]);
  });

  it('declares links, validations and Contentful defaults on every field', () => {
    for (const type of demoContentTypes) {
      for (const f of type.fields) {
        expect(f, `${type.id}.${f.id}`).toMatchObject({ localized: false, disabled: false, omitted: false });
        expect(Array.isArray(f.validations), `${type.id}.${f.id}`).toBe(true);
      }
      expect(fieldOf(type.id, 'slug').validations).toContainEqual({ unique: true });
    }
    expect(fieldOf('article', 'featuredImage')).toMatchObject({ linkType: 'Asset', validations: [{ linkMimetypeGroup: ['image'] }] });
    expect(fieldOf('article', 'topics').items).toEqual({ type: 'Link', linkType: 'Entry', validations: [{ linkContentType: ['topic'] }] });
    expect(fieldOf('article', 'author')).toMatchObject({ linkType: 'Entry', validations: [{ linkContentType: ['author'] }] });
    expect(fieldOf('article', 'type').validations).toContainEqual({ in: ['Article', 'Guide', 'Interview', 'News'] });
  });
});

describe('demo entries', () => {
  /** The few rules of Contentful's field validation the demo relies on. */
  function check(entry: DemoEntry): string[] {
    const problems: string[] = [];
    const fields = typeOf(entry.contentTypeId).fields;
    for (const key of Object.keys(entry.fields)) if (!fields.some((f) => f.id === key)) problems.push(`unknown field ${key}`);
    for (const f of fields) {
      const v = entry.fields[f.id];
      if (v === undefined) {
        if (f.required) problems.push(`${f.id} is required`);
        continue;
      }
      if (!valueFits(f, v)) problems.push(`${f.id} is not a ${f.type}`);
      for (const rule of f.validations as Array<Record<string, Json>>) {
        if ('in' in rule && !(rule.in as Json[]).includes(v)) problems.push(`${f.id} not in list`);
        if ('regexp' in rule && !new RegExp((rule.regexp as { pattern: string }).pattern).test(v as string)) problems.push(`${f.id} fails regexp`);
      }
    }
    return problems;
  }
  function valueFits(f: FieldDefinition, v: Json): boolean {
    switch (f.type) {
      case 'Symbol':
        return typeof v === 'string' && v.length <= 256;
      case 'Text':
        return typeof v === 'string';
      case 'Date':
        return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
      case 'RichText':
        return typeof v === 'object' && v !== null && (v as { nodeType?: unknown }).nodeType === 'document';
      case 'Link':
        return isLink(v) && v.sys.linkType === f.linkType;
      case 'Array':
        return Array.isArray(v) && v.every((i) => isLink(i) && i.sys.linkType === f.items?.linkType);
      default:
        return false;
    }
  }

  it('has seven articles, six or more topics and one author, all valid against their type', () => {
    expect(articles).toHaveLength(7);
    expect(demoEntries.filter((e) => e.contentTypeId === 'topic').length).toBeGreaterThanOrEqual(6);
    expect(demoEntries.filter((e) => e.contentTypeId === 'author')).toHaveLength(1);
    for (const entry of demoEntries) expect(check(entry), entry.id).toEqual([]);
  });

  it('uses unique, readable ids and unique slugs', () => {
    const ids = [...demoAssets.map((a) => a.id), ...demoEntries.map((e) => e.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(64);
    for (const type of demoContentTypes) {
      const slugs = demoEntries.filter((e) => e.contentTypeId === type.id).map((e) => e.fields.slug);
      expect(new Set(slugs).size, type.id).toBe(slugs.length);
    }
  });

  it('links only to exported assets and to entries listed earlier', () => {
    const known = new Set(demoAssets.map((a) => `Asset:${a.id}`));
    let count = 0;
    for (const entry of demoEntries) {
      for (const l of linksIn(entry.fields as Json)) {
        expect(known.has(`${l.sys.linkType}:${l.sys.id}`), `${entry.id} → ${l.sys.linkType}:${l.sys.id}`).toBe(true);
        count++;
      }
      known.add(`Entry:${entry.id}`);
    }
    expect(count).toBeGreaterThanOrEqual(7 * 3);
    // Each link points at an entry of the type its field allows.
    for (const a of articles) {
      for (const t of a.fields.topics as LinkValue[]) expect(demoEntries.find((e) => e.id === t.sys.id)?.contentTypeId).toBe('topic');
      expect(demoEntries.find((e) => e.id === (a.fields.author as LinkValue).sys.id)?.contentTypeId).toBe('author');
    }
  });

  it('gives every article its own date between 2021 and 2025, a type, one to three topics and the author', () => {
    const dates = articles.map((a) => a.fields.publishDate as string);
    expect(new Set(dates).size).toBe(7);
    for (const d of dates) expect(d >= '2021-01-01' && d <= '2025-12-31', d).toBe(true);
    for (const a of articles) {
      expect(a.fields.type, a.id).toBe('Article');
      expect((a.fields.topics as Json[]).length, a.id).toBeGreaterThanOrEqual(1);
      expect((a.fields.topics as Json[]).length, a.id).toBeLessThanOrEqual(3);
      expect(isLink(a.fields.featuredImage as Json), a.id).toBe(true);
    }
  });

  it('reproduces the DevOps card of the seed exactly', () => {
    const card = seed.find((c) => c.alt === DEVOPS_ALT)!;
    expect(card.lines).toEqual([DEVOPS_TITLE, expect.any(String), 'December 15, 2021', 'Article']);
    const devops = articles.find((a) => a.fields.title === DEVOPS_TITLE)!;
    expect(devops.fields).toMatchObject({ title: DEVOPS_TITLE, description: card.lines[1], publishDate: '2021-12-15', type: 'Article' });
    const image = demoAssets.find((a) => a.id === (devops.fields.featuredImage as LinkValue).sys.id)!;
    expect(image.description).toBe(DEVOPS_ALT);
    expect(image).toMatchObject({ contentType: 'image/jpeg', fileName: expect.stringMatching(/\.jpg$/) });
    // The newest article, as the seed lists it first.
    expect(articles.map((a) => a.fields.publishDate as string).sort().pop()).toBe('2021-12-15');
  });

  it('gives each article a featured image with one of the seed’s alt texts, character for character, in its format', () => {
    expect(seed).toHaveLength(7);
    const used = articles.map((a) => demoAssets.find((x) => x.id === (a.fields.featuredImage as LinkValue).sys.id)!);
    expect(used.map((a) => a.description).sort()).toEqual(seed.map((c) => c.alt).sort());
    expect(demoAssets).toHaveLength(7);
    const mime: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
    for (const card of seed) {
      const asset = demoAssets.find((a) => a.description === card.alt)!;
      expect(extensionOf(`https://x/${asset.fileName}`), asset.id).toBe(extensionOf(card.url));
      expect(asset.contentType, asset.id).toBe(mime[extensionOf(card.url)]);
      expect(asset.title.length, asset.id).toBeGreaterThan(0);
    }
  });
});

describe('article bodies', () => {
  const known = new Set<string>([...Object.values(BLOCKS), ...Object.values(INLINES), 'text']);
  type AnyNode = { nodeType: string; data: unknown; content?: AnyNode[]; value?: string; marks?: unknown };
  const nodesOf = (root: AnyNode): AnyNode[] => [root, ...(root.content ?? []).flatMap(nodesOf)];

  it.each(articles.map((a) => [a.id, a] as const))('%s is a valid rich text document with real sections', (_id, article) => {
    const body = article.fields.body as unknown as Document;
    expect(validateRichTextDocument(body)).toEqual([]);
    const nodes = nodesOf(body as unknown as AnyNode);
    expect(nodes.filter((n) => !known.has(n.nodeType))).toEqual([]);
    for (const n of nodes) {
      expect(n.data).toBeTypeOf('object');
      if (n.nodeType === 'text') expect(Array.isArray(n.marks)).toBe(true);
    }
    const headings = nodes.filter((n) => n.nodeType === BLOCKS.HEADING_2 || n.nodeType === BLOCKS.HEADING_3);
    expect(headings.length).toBeGreaterThanOrEqual(4);
    expect(nodes.some((n) => n.nodeType === BLOCKS.UL_LIST || n.nodeType === BLOCKS.OL_LIST)).toBe(true);
    const links = nodes.filter((n) => n.nodeType === INLINES.HYPERLINK);
    expect(links.length).toBeGreaterThanOrEqual(1);
    for (const l of links) expect((l.data as { uri: string }).uri).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+\//);
    const words = nodes.flatMap((n) => (n.nodeType === 'text' ? n.value!.split(/\s+/).filter(Boolean) : [])).length;
    expect(words).toBeGreaterThanOrEqual(400);
    expect(words).toBeLessThanOrEqual(700);
    expect(JSON.stringify(body)).not.toMatch(/lorem|ipsum/i);
  });
});
