import { describe, expect, it } from 'vitest';
import { renderHome, sortNewestFirst } from './index.js';
import { countMatches, sampleCard, sampleHome, validationErrors } from './test-support/pages.js';

const imgTags = (markup: string) => [...markup.matchAll(/<img\b[^>]*>/g)].map((m) => m[0]);
const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

describe('renderHome', () => {
  const model = sampleHome(7);
  const out = renderHome(model);

  it('is a valid HTML5 document with one h1, landmarks, and no JavaScript', async () => {
    expect(out.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(await validationErrors(out)).toEqual([]);
    expect(countMatches(out, /<h1\b/g)).toBe(1);
    for (const tag of ['<header', '<main id="main"', '<footer', 'href="#main"']) expect(out).toContain(tag);
    expect(out).not.toMatch(/<script\b|\son[a-z]+=/i);
    expect(out).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(out).toMatch(/<meta name="description" content="[^"]+">/);
    expect(out).toContain('<link rel="canonical" href="http://localhost:3000/">');
    expect(out).toMatch(/<title>Folio – Career articles<\/title>/);
    expect(out).toMatch(/<link rel="stylesheet" href="\/assets\/site\.[0-9a-f]{10}\.css">/);
  });

  it('renders one card per model, in order, each with its image, link, date and type', () => {
    const images = imgTags(out);
    expect(images).toHaveLength(7);
    expect(countMatches(out, /<article class="card">/g)).toBe(7);
    model.cards.forEach((card, i) => {
      const img = images[i]!;
      expect(attr(img, 'src')).toBe(card.image!.src.replace(/&/g, '&amp;'));
      expect(attr(img, 'width')).toBe('330');
      expect(attr(img, 'height')).toBe('216');
      expect(attr(img, 'alt')).toBe(card.image!.alt);
    });
    const hrefs = [...out.matchAll(/<h2><a href="([^"]+)">([^<]+)<\/a><\/h2>/g)].map((m) => [m[1], m[2]]);
    expect(hrefs).toEqual(model.cards.map((c) => [c.href, c.title]));
    const dates = [...out.matchAll(/<time datetime="([^"]+)">([^<]+)<\/time>/g)].map((m) => [m[1], m[2]]);
    expect(dates[0]).toEqual(['2021-12-20', 'December 20, 2021']);
    expect(dates).toHaveLength(7);
    expect(countMatches(out, /<span class="badge">Article<\/span>/g)).toBe(7);
    // One link per card: the title's, stretched over the card by CSS.
    const cards = [...out.matchAll(/<article class="card">[\s\S]*?<\/article>/g)].map((m) => m[0]);
    expect(cards).toHaveLength(7);
    for (const card of cards) expect(countMatches(card, /<a\b/g)).toBe(1);
  });

  it('loads the first three images eagerly (the first with high priority) and the rest lazily', () => {
    const images = imgTags(out);
    expect(attr(images[0]!, 'fetchpriority')).toBe('high');
    for (const img of images.slice(1)) expect(attr(img, 'fetchpriority')).toBeUndefined();
    for (const img of images.slice(0, 3)) expect(attr(img, 'loading')).toBeUndefined();
    for (const img of images.slice(3)) {
      expect(attr(img, 'loading')).toBe('lazy');
      expect(attr(img, 'decoding')).toBe('async');
    }
  });

  it('escapes card text: a title with <script> and quotes stays text', async () => {
    const evil = `<script>alert("hi")</script> "quoted" & 'single'`;
    const page = renderHome({
      siteName: 'Folio <b>',
      publicUrl: 'http://localhost:3000',
      cards: [sampleCard(1, { title: evil, description: evil, type: evil, href: '/a?x="1"&y=<2>', image: { src: '/i.jpg?a=1&b="2"', width: 330, height: 216, alt: evil } })],
    });
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<b>');
    expect(page).toContain('&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39;');
    expect(page).toContain('href="/a?x=&quot;1&quot;&amp;y=&lt;2&gt;"');
    expect(await validationErrors(page)).toEqual([]);
  });

  it('handles a card without image or date, and an empty hub', async () => {
    const page = renderHome({ siteName: 'Folio', publicUrl: 'http://localhost:3000/', cards: [sampleCard(1, { publishDate: '', type: '' }), sampleCard(2, { image: undefined })] });
    expect(imgTags(page)).toHaveLength(1);
    expect(page).toContain('<div class="card-media" aria-hidden="true"></div>');
    expect(countMatches(page, /<time\b/g)).toBe(1);
    expect(await validationErrors(page)).toEqual([]);

    const empty = renderHome({ siteName: 'Folio', publicUrl: 'http://localhost:3000', cards: [] });
    expect(empty).toContain('No articles have been published yet');
    expect(await validationErrors(empty)).toEqual([]);
    expect(countMatches(empty, /<h1\b/g)).toBe(1);
  });

  it('sortNewestFirst orders by date, newest first, undated last', () => {
    const cards = [sampleCard(1, { publishDate: '2020-01-01' }), sampleCard(2, { publishDate: '' }), sampleCard(3, { publishDate: '2021-12-15T10:00:00Z' })];
    expect(sortNewestFirst(cards).map((c) => c.title)).toEqual(['Article number 3', 'Article number 1', 'Article number 2']);
  });
});
