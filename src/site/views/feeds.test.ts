import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderAtom, renderRobots, renderRss, renderSitemap, type FeedModel } from './feeds.js';
import { page, scriptJson } from './layout.js';
import { html } from './html.js';

const evil = `Tom & Jerry <b>"quoted"</b> 'single' ]]>`;
const model: FeedModel = {
  title: evil,
  description: evil,
  siteUrl: 'https://hub.example/',
  items: [
    { title: evil, url: 'https://hub.example/articles/a?x=1&y=2', description: evil, published: '2021-12-15', updated: '2022-01-02T10:00:00.000Z', author: evil, categories: [evil] },
    { title: 'Plain', url: 'https://hub.example/articles/b', description: 'd', published: 'not a date', updated: '2021-01-01T00:00:00Z', categories: [] },
  ],
};
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', htmlEntities: true });

describe('feeds', () => {
  it('RSS escapes every value and stays well-formed', () => {
    const xml = renderRss(model);
    expect(XMLValidator.validate(xml)).toBe(true);
    const channel = parser.parse(xml).rss.channel;
    expect(channel.title).toBe(evil);
    expect(channel.item[0]['dc:creator']).toBe(evil);
    expect(channel.item[0].link).toBe('https://hub.example/articles/a?x=1&y=2');
    expect(channel.item[0].pubDate).toBe('Wed, 15 Dec 2021 00:00:00 GMT');
    expect(channel['atom:link']['@href']).toBe('https://hub.example/rss.xml');
  });

  it('RSS item descriptions are HTML: a reader shows the text, not markup made from it', () => {
    // What the XML parser yields is what a reader renders as HTML; rendered again as text it
    // must be the description exactly, with no <b> element made from it.
    const raw = new XMLParser({ processEntities: true, htmlEntities: false }).parse(renderRss(model)).rss.channel.item[0].description as string;
    expect(raw).not.toMatch(/<b>/);
    expect(raw).toBe(`Tom &amp; Jerry &lt;b&gt;&quot;quoted&quot;&lt;/b&gt; &#39;single&#39; ]]&gt;`);
    expect(parser.parse(`<x>${raw}</x>`).x).toBe(evil);
  });

  it('Atom escapes every value, with ISO dates and an author on every entry', () => {
    const xml = renderAtom(model);
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parser.parse(xml).feed;
    expect(feed.updated).toBe('2022-01-02T10:00:00.000Z');
    expect(feed.entry[0].published).toBe('2021-12-15T00:00:00.000Z');
    expect(feed.entry[1].author.name).toBe(feed.title);
    expect(feed.entry[0].category['@term']).toBeTruthy();
  });

  it('the sitemap and robots.txt', () => {
    const xml = renderSitemap([{ loc: 'https://hub.example/?page=2&x=<1>' }, { loc: 'https://hub.example/a', lastmod: '2021-01-01T00:00:00Z' }]);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parser.parse(xml).urlset.url[0].loc).toContain('page=2');
    expect(renderRobots('https://hub.example/')).toContain('Sitemap: https://hub.example/sitemap.xml');
  });
});

describe('JSON-LD', () => {
  it('cannot close its script element, and parses back to the same data', () => {
    const data = { headline: '</script><script>alert(1)</script>', note: 'line\u2028break' };
    const out = page({ siteName: 'Folio', title: 't', main: html`<p>x</p>`, jsonLd: [data] });
    const script = out.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)![1]!;
    expect(script).not.toContain('<');
    expect(JSON.parse(script)).toEqual(data);
    expect(JSON.parse(scriptJson(data))).toEqual(data);
  });
});
