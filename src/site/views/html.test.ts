import { describe, expect, it } from 'vitest';
import { attrs, escapeHtml, html, raw } from './html.js';

describe('html`…`', () => {
  it('escapes interpolated text, in content and in attributes', () => {
    const title = `<script>alert("x")</script> & 'quotes'`;
    const out = html`<a title="${title}">${title}</a>`.toString();
    expect(out).toBe(
      '<a title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</a>',
    );
    expect(out).not.toContain('<script>');
  });

  it('keeps raw() and nested templates as they are, and does not escape twice', () => {
    const inner = html`<b>${'a & b'}</b>`;
    expect(html`<p>${inner}${raw('<i>ok</i>')}</p>`.toString()).toBe('<p><b>a &amp; b</b><i>ok</i></p>');
  });

  it('renders arrays item by item and skips null, undefined and booleans', () => {
    const items = ['<1>', '2'];
    expect(html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`.toString()).toBe('<ul><li>&lt;1&gt;</li><li>2</li></ul>');
    expect(html`${null}${undefined}${false}${true}${0}`.toString()).toBe('0');
  });

  it('attrs() writes only present attributes, escaped', () => {
    expect(attrs({ a: 'x"y', b: undefined, c: true, d: false, e: 3 }).toString()).toBe(' a="x&quot;y" c e="3"');
  });

  it('escapeHtml covers the five special characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
