import { BLOCKS, INLINES, MARKS } from '@contentful/rich-text-types';
import { describe, expect, it } from 'vitest';
import { renderArticle, renderRichText, safeHref } from './index.js';
import { termPattern } from '../search.js';
import { highlight } from './parts.js';
import { block, countMatches, doc, inline, link, p, sampleArticle, text, validationErrors } from './test-support/pages.js';

const none = { resolveAsset: () => undefined, resolveEntryHref: () => undefined };
const body = (d: ReturnType<typeof doc>, ctx: Parameters<typeof renderRichText>[1] = none) => renderRichText(d, ctx).toString();

describe('renderArticle', () => {
  const model = sampleArticle();
  const out = renderArticle(model);

  it('is a valid HTML5 document with exactly one h1 and no JavaScript', async () => {
    expect(await validationErrors(out)).toEqual([]);
    expect(countMatches(out, /<h1\b/g)).toBe(1);
    expect(out).toContain('<h1>What Does a DevOps Engineer Do? And How to Become One</h1>');
    expect(out).not.toMatch(/<script\b|\son[a-z]+=/i);
    expect(out).toContain('<link rel="canonical" href="http://localhost:3000/articles/devops-engineer">');
    expect(out).toContain('<meta property="og:image" content="http://localhost:3000/images/folio/hero/tok/devops.jpg?w=1280&amp;h=720">');
  });

  it('shows breadcrumb, type, lede, date, author and topics', () => {
    expect(out).toMatch(/<nav class="crumbs" aria-label="Breadcrumb">\s*<ol class="breadcrumb">\s*<li><a href="\/">Home<\/a><\/li>/);
    expect(out).toContain('<p class="kicker">Article</p>');
    expect(out).toContain(`<p class="lede">A DevOps engineer is responsible for optimizing an organization’s software.</p>`);
    expect(out).toContain('<time datetime="2021-12-15">December 15, 2021</time>');
    expect(out).toContain('<strong>Ada Lovelace</strong>');
    expect(out).toMatch(/<li><a class="chip" href="\/topics\/[a-z-]+">DevOps<\/a><\/li>/);
    expect(out).toMatch(/<li><a class="chip" href="\/topics\/[a-z-]+">Careers<\/a><\/li>/);
  });

  it('shows the hero image eagerly with high priority, srcset and sizes', () => {
    const hero = out.match(/<div class="hero"><img [^>]*><\/div>/)?.[0] ?? '';
    expect(hero).toContain('src="//localhost:3000/images/folio/hero/tok/devops.jpg?w=1280&amp;h=720"');
    expect(hero).toContain('width="1280" height="720"');
    expect(hero).toContain('alt="[Featured Image] A DevOps engineer at dual monitors."');
    expect(hero).toContain('fetchpriority="high"');
    expect(hero).toContain('sizes="(min-width: 960px) 880px, 100vw"');
    expect(hero).toMatch(/srcset="[^"]+ 640w, [^"]+ 1280w"/);
    expect(hero).not.toContain('loading=');
  });

  it('renders the body: headings, lists, quote, rule, table, marks', () => {
    const prose = out.slice(out.indexOf('<div class="prose">'));
    expect(countMatches(prose, /<h2 id=/g)).toBe(3);
    expect(out).toContain(
      '<h2 id="what-does-a-devops-engineer-do">What does a DevOps engineer do?<a class="anchor" href="#what-does-a-devops-engineer-do"><span class="visually-hidden">Link to this section</span><span aria-hidden="true">#</span></a></h2>',
    );
    expect(out).toContain('<ul><li><p>Automate builds</p></li><li><p>Watch production</p></li></ul>');
    expect(out).toContain('<ol><li><p>Linux</p></li><li><p>Scripting</p></li></ol>');
    expect(out).toContain('<blockquote><p>Automate everything you do twice.</p></blockquote>');
    expect(out).toContain('<hr>');
    expect(out).toContain('<p>DevOps joins <strong>development</strong> and <em>operations</em>.</p>');
    expect(out).toContain(
      '<div class="table"><table><thead><tr><th scope="col"><p>Role</p></th><th scope="col"><p>Median pay</p></th></tr></thead><tbody><tr><td><p>DevOps engineer</p></td><td><p>$120,000</p></td></tr></tbody></table></div>',
    );
    expect(out).not.toContain('<p></p>');
  });

  it('links: external with rel=noopener, entries via resolveEntryHref, unresolved ones as plain text', () => {
    expect(out).toContain('<a href="https://example.org/report" rel="noopener">State of DevOps report</a>');
    expect(out).toContain('<a href="/articles/python-guide">guide to Python</a>');
    expect(out).toContain(', or a missing guide.');
  });

  it('embedded assets become figures; unresolvable embeds render nothing', () => {
    expect(out).toContain(
      '<figure><img src="//localhost:3000/images/folio/diagram/tok/d.png" width="880" height="495" alt="A pipeline diagram" loading="lazy" decoding="async"><figcaption>The delivery pipeline</figcaption></figure>',
    );
    expect(countMatches(out, /<figure>/g)).toBe(1);
    expect(out).not.toContain('missing-asset');
    expect(out).not.toContain('some-entry');
    expect(out).not.toContain('type: ');
  });

  it('renders a minimal article (no hero, body, author, topics or date) as a valid page', async () => {
    const { hero: _h, body: _b, authorName: _a, ...rest } = sampleArticle();
    const page = renderArticle({ ...rest, topics: [], publishDate: '', type: '' });
    expect(await validationErrors(page)).toEqual([]);
    expect(countMatches(page, /<h1\b/g)).toBe(1);
    expect(page).not.toContain('<img');
    expect(page).not.toContain('class="topics"');
    expect(page).not.toContain('class="byline"');
  });

  it('escapes every model string', async () => {
    const evil = `<script>alert("x")</script>'`;
    const page = renderArticle(
      sampleArticle({
        title: evil,
        description: evil,
        type: evil,
        authorName: evil,
        topics: [{ name: evil, slug: evil }],
        body: doc(p(text(evil)), block(BLOCKS.HEADING_2, [text(evil)])),
      }),
    );
    expect(page).not.toContain('<script>');
    expect(countMatches(page, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;&#39;/g)).toBeGreaterThanOrEqual(7);
    expect(await validationErrors(page)).toEqual([]);
  });
});

describe('renderRichText', () => {
  it('demotes body h1s and never skips a heading level, so the page keeps one h1', () => {
    const out = body(doc(block(BLOCKS.HEADING_1, [text('A')]), block(BLOCKS.HEADING_4, [text('B')]), block(BLOCKS.HEADING_3, [text('C')]), block(BLOCKS.HEADING_2, [text('D')])));
    const plain = out.replace(/<a class="anchor"[^>]*>.*?<\/a>/g, '');
    expect(plain).toBe('<h2 id="a">A</h2><h3 id="b">B</h3><h3 id="c">C</h3><h2 id="d">D</h2>');
  });

  it('escapes text nodes (the renderer does) and link URLs (we do)', () => {
    const out = body(doc(p(text('<img src=x onerror=alert(1)> & "q"', MARKS.CODE), inline(INLINES.HYPERLINK, [text('x')], { uri: 'https://e.org/?a="b"&c=<d>' }))));
    expect(out).toBe('<p><code>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;</code><a href="https://e.org/?a=&quot;b&quot;&amp;c=&lt;d&gt;" rel="noopener">x</a></p>');
  });

  it('drops unsafe link schemes but keeps the text', () => {
    for (const uri of ['javascript:alert(1)', ' JaVa\tScript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x']) {
      expect(body(doc(p(inline(INLINES.HYPERLINK, [text('click')], { uri }))))).toBe('<p>click</p>');
    }
    expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c');
    expect(safeHref('/articles/x#y')).toBe('/articles/x#y');
  });

  it('marks only links to other origins as external', () => {
    const ctx = { ...none, siteOrigin: 'https://folio.example' };
    const a = (uri: string) => body(doc(p(inline(INLINES.HYPERLINK, [text('t')], { uri }))), ctx);
    expect(a('https://folio.example/articles/x')).toBe('<p><a href="https://folio.example/articles/x">t</a></p>');
    expect(a('/articles/x')).toBe('<p><a href="/articles/x">t</a></p>');
    expect(a('//cdn.example/x')).toBe('<p><a href="//cdn.example/x" rel="noopener">t</a></p>');
  });

  it('turns soft line breaks into <br> and skips empty paragraphs', () => {
    expect(body(doc(p(text('one\ntwo', MARKS.BOLD)), p(text('  ')), p()))).toBe('<p><strong>one</strong><br><strong>two</strong></p>');
  });

  it('asset hyperlinks link to the resolved file; embeds with broken data render nothing', () => {
    const ctx = { resolveAsset: (id: string) => (id === 'a' ? { src: '/f.pdf', width: 1, height: 1, alt: '' } : undefined), resolveEntryHref: () => undefined };
    expect(body(doc(p(inline(INLINES.ASSET_HYPERLINK, [text('file')], link('Asset', 'a')))), ctx)).toBe('<p><a href="/f.pdf">file</a></p>');
    expect(body(doc(block(BLOCKS.EMBEDDED_ASSET), block(BLOCKS.EMBEDDED_ASSET, [], { target: null }), block(BLOCKS.EMBEDDED_RESOURCE, [], { target: { sys: { urn: 'x' } } })), ctx)).toBe('');
    expect(body(doc(p(inline(INLINES.EMBEDDED_ENTRY, [], link('Entry', 'e')), text('ok'))), ctx)).toBe('<p>ok</p>');
  });

  it('renders nothing for a missing or malformed document', () => {
    expect(body(undefined as never)).toBe('');
    expect(body({ nodeType: 'document' } as never)).toBe('');
  });
});

describe('embedded entries, code, highlights', () => {
  it('an embedded entry becomes a card linking to its page; inline, a link; unknown ones nothing', () => {
    const ctx = {
      ...none,
      resolveEntry: (id: string) => (id === 'e' ? { title: 'Learn <Python>', href: '/articles/python', description: 'A guide.', kind: 'Article' } : undefined),
    };
    expect(body(doc(block(BLOCKS.EMBEDDED_ENTRY, [], link('Entry', 'e'))), ctx)).toBe(
      '<aside class="embed"><p class="embed-kind">Article</p><p class="embed-title"><a href="/articles/python">Learn &lt;Python&gt;</a></p><p>A guide.</p></aside>',
    );
    expect(body(doc(p(text('See '), inline(INLINES.EMBEDDED_ENTRY, [], link('Entry', 'e')))), ctx)).toBe('<p>See <a href="/articles/python">Learn &lt;Python&gt;</a></p>');
    expect(body(doc(block(BLOCKS.EMBEDDED_ENTRY, [], link('Entry', 'other'))), ctx)).toBe('');
  });

  it('a paragraph that is all code becomes a <pre> block, escaped', () => {
    expect(body(doc(p(text('if (a < b) {\n  go();\n}', MARKS.CODE))))).toBe('<pre><code>if (a &lt; b) {\n  go();\n}</code></pre>');
  });

  it('highlight marks word-prefix matches and escapes everything else', () => {
    const re = termPattern(['pyth', 'b']);
    expect(highlight('<b>Python</b> & pythons', re).value).toBe('&lt;<mark>b</mark>&gt;<mark>Python</mark>&lt;/<mark>b</mark>&gt; &amp; <mark>pythons</mark>');
    expect(highlight('a <i>', undefined).value).toBe('a &lt;i&gt;');
  });
});
