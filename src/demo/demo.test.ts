/** The demo content against the seed page it reproduces. */
import fs from 'node:fs';
import { BLOCKS, INLINES, type Block, type Inline, type Text } from '@contentful/rich-text-types';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Json } from '../store/types.js';
import { demoArticles, demoAssets, demoContentTypes, demoEntries } from './index.js';

const seedDir = new URL('../../../shared/seed/', import.meta.url);
const seedText = fs
  .readdirSync(seedDir)
  .map((f) => fs.readFileSync(new URL(f, seedDir), 'utf8'))
  .join('\n');
const seedAlts = [...seedText.matchAll(/!\[(.+?)\]\(https:/g)].map((m) => m[1]!);

const articles = demoEntries.filter((e) => e.contentTypeId === 'article');

describe('demo content', () => {
  it('has the three content types of CONTRACT.md', () => {
    expect(demoContentTypes.map((t) => t.id).sort()).toEqual(['article', 'author', 'topic']);
    const article = demoContentTypes.find((t) => t.id === 'article')!;
    expect(article.fields.map((f) => [f.id, f.type])).toEqual([
      ['title', 'Symbol'],
      ['slug', 'Symbol'],
      ['description', 'Text'],
      ['body', 'RichText'],
      ['publishDate', 'Date'],
      ['type', 'Symbol'],
      ['featuredImage', 'Link'],
      ['topics', 'Array'],
      ['author', 'Link'],
    ]);
  });

  it('has seven articles, one per featured image of the seed, with its exact alt text', () => {
    expect(seedAlts).toHaveLength(7);
    expect(articles).toHaveLength(7);
    expect(demoAssets.map((a) => a.description).sort()).toEqual([...seedAlts].sort());
  });

  it('has the DevOps article exactly as the seed shows it', () => {
    const devops = articles.find((a) => a.fields.title === 'What Does a DevOps Engineer Do? And How to Become One')!;
    expect(seedText).toContain(devops.fields.description as string);
    expect(devops.fields).toMatchObject({ publishDate: '2021-12-15', type: 'Article' });
    const imageId = (devops.fields.featuredImage as { sys: { id: string } }).sys.id;
    expect(demoAssets.find((a) => a.id === imageId)?.description).toBe(
      '[Featured Image] A DevOps engineer types on their computer and looks at their dual monitors as they update software coding.',
    );
  });

  it('gives every article a distinct date and slug, and links only to things it defines earlier', () => {
    expect(new Set(articles.map((a) => a.fields.publishDate)).size).toBe(7);
    expect(new Set(articles.map((a) => a.fields.slug)).size).toBe(7);
    const seen = new Set(demoAssets.map((a) => `Asset:${a.id}`));
    const links = (v: Json): string[] =>
      Array.isArray(v) ? v.flatMap(links) : v && typeof v === 'object' ? ('sys' in v && (v.sys as { type?: string }).type === 'Link' ? [`${(v.sys as { linkType: string }).linkType}:${(v.sys as { id: string }).id}`] : Object.values(v).flatMap(links)) : [];
    for (const entry of demoEntries) {
      for (const l of links(entry.fields as Json)) expect(seen.has(l), `${entry.id} → ${l}`).toBe(true);
      seen.add(`Entry:${entry.id}`);
    }
  });

  it('writes real bodies: several sections, a list and a link in each article', () => {
    const known = new Set<string>([...Object.values(BLOCKS), ...Object.values(INLINES), 'text']);
    for (const article of demoArticles) {
      const nodes: Array<Block | Inline | Text> = [];
      const walk = (n: Block | Inline | Text) => {
        nodes.push(n);
        if ('content' in n) n.content.forEach((c) => walk(c as Block));
      };
      walk(article.body as unknown as Block);
      expect(nodes.every((n) => known.has(n.nodeType)), article.slug).toBe(true);
      expect(nodes.filter((n) => n.nodeType === BLOCKS.HEADING_2).length, article.slug).toBeGreaterThanOrEqual(4);
      expect(nodes.some((n) => n.nodeType === BLOCKS.UL_LIST || n.nodeType === BLOCKS.OL_LIST), article.slug).toBe(true);
      expect(nodes.some((n) => n.nodeType === INLINES.HYPERLINK), article.slug).toBe(true);
      const words = nodes.flatMap((n) => (n.nodeType === 'text' ? (n as Text).value.split(/\s+/) : [])).length;
      expect(words, article.slug).toBeGreaterThan(250);
    }
  });

  it('renders each featured image about 1900 px wide in its declared format, the same bytes every time', async () => {
    const formats = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' } as Record<string, string>;
    expect(demoAssets.map((a) => a.fileName.split('.').pop()).sort()).toEqual(['jpeg', 'jpeg', 'jpg', 'jpg', 'jpg', 'png', 'webp']);
    for (const asset of demoAssets) {
      const [a, b] = await Promise.all([asset.render(), asset.render()]);
      expect(a.equals(b), asset.id).toBe(true);
      const meta = await sharp(a).metadata();
      expect(meta, asset.id).toMatchObject({ format: formats[asset.contentType], width: asset.width, height: asset.height });
      expect(asset.width).toBeGreaterThanOrEqual(1800);
    }
  });
});
