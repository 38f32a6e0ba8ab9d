/**
 * Contentful Rich Text → HTML for article bodies, on @contentful/rich-text-html-renderer with
 * our own node renderers. Text nodes are escaped by the renderer; everything we add goes
 * through `html`/`attrs`, so nothing from the document reaches the page unescaped.
 */
import { documentToHtmlString, type Next, type Options } from '@contentful/rich-text-html-renderer';
import { BLOCKS, INLINES, MARKS, type Block, type Document, type Inline, type Text } from '@contentful/rich-text-types';
import { plainText, uniqueIds } from '../reading.js';
import { attrs, escapeHtml, html, raw, type SafeHtml } from './html.js';

export interface ResolvedAsset {
  src: string;
  width: number;
  height: number;
  alt: string;
  srcset?: string;
  sizes?: string;
  /** Shown under the image; usually the asset's title. Omitted: no caption. */
  caption?: string;
}

export interface RichTextContext {
  /** An asset by id, or undefined when it is missing, unpublished or not an image. */
  resolveAsset(id: string): ResolvedAsset | undefined;
  /** The page URL of a linked entry, or undefined when it has none. */
  resolveEntryHref(id: string): string | undefined;
  /** The site's own origin (`https://example.com`): links elsewhere are external. */
  siteOrigin?: string;
  /** An embedded entry's card (title, link, summary), or undefined to leave it out. */
  resolveEntry?(id: string): EmbeddedEntry | undefined;
  /** Told of every heading rendered (for a table of contents); headings get ids and anchors. */
  onHeading?(heading: { level: number; text: string; id: string }): void;
}

export interface EmbeddedEntry {
  title: string;
  href?: string;
  description?: string;
  /** "Article", "Topic" … */
  kind?: string;
}

type Node = Block | Inline | Text;

const isText = (node: Node): node is Text => node.nodeType === 'text';

const targetId = (node: Block | Inline): string | undefined => {
  const id: unknown = node.data?.target?.sys?.id;
  return typeof id === 'string' && id ? id : undefined;
};

const safeSchemes = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** The link target if it is safe to put in href (no javascript:, data: …), else undefined. */
export function safeHref(uri: unknown): string | undefined {
  if (typeof uri !== 'string') return undefined;
  // Browsers ignore these characters inside a scheme ("java\tscript:"), so we do too.
  const href = uri.trim().replace(/[\u0000-\u0020\u007f]/g, (ch) => (ch === ' ' ? '%20' : ''));
  if (!href) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(href)?.[1]?.toLowerCase();
  if (scheme) return safeSchemes.has(scheme) ? href : undefined;
  return href;
}

/** Absolute http(s) links to another origin. */
export function isExternal(href: string, siteOrigin: string | undefined): boolean {
  if (!/^(https?:)?\/\//i.test(href)) return false;
  try {
    const url = new URL(href, siteOrigin ?? 'http://invalid.invalid');
    return !siteOrigin || url.origin !== new URL(siteOrigin).origin;
  } catch {
    return true;
  }
}

/** Contentful keeps soft line breaks (shift+enter) as "\n" in text; show them as <br>. */
function inlineContent(nodes: Node[], next: Next): string {
  return nodes
    .map((node) => {
      if (!isText(node) || !node.value.includes('\n')) return next([node]);
      return node.value
        .split(/\r?\n/)
        .map((part) => next([{ ...node, value: part }]))
        .join('<br>');
    })
    .join('');
}

const isBlank = (nodes: Node[]): boolean =>
  nodes.every((n) => (isText(n) ? n.value.trim() === '' : false));

function figure(asset: ResolvedAsset): SafeHtml {
  return html`<figure><img src="${asset.src}" width="${asset.width}" height="${asset.height}" alt="${asset.alt.replace(/\s+/g, ' ').trim()}"${attrs(
    { srcset: asset.srcset, sizes: asset.srcset ? asset.sizes : undefined, loading: 'lazy', decoding: 'async' },
  )}>${asset.caption ? html`<figcaption>${asset.caption}</figcaption>` : ''}</figure>`;
}

function table(node: Block, next: Next): string {
  const rows = node.content.filter((r): r is Block => r.nodeType === BLOCKS.TABLE_ROW);
  const isHeaderRow = (row: Block) =>
    row.content.length > 0 && row.content.every((c) => c.nodeType === BLOCKS.TABLE_HEADER_CELL);
  const first = rows[0];
  const headRows = first && isHeaderRow(first) && rows.length > 1 ? [first] : [];
  const bodyRows = rows.slice(headRows.length);
  const row = (r: Block, scope: 'col' | 'row') =>
    `<tr>${r.content
      .map((cell) => {
        if (cell.nodeType === BLOCKS.TABLE_HEADER_CELL) return `<th scope="${scope}">${next((cell as Block).content)}</th>`;
        if (cell.nodeType === BLOCKS.TABLE_CELL) return `<td>${next((cell as Block).content)}</td>`;
        return '';
      })
      .join('')}</tr>`;
  if (!bodyRows.length) return '';
  const head = headRows.length ? `<thead>${headRows.map((r) => row(r, 'col')).join('')}</thead>` : '';
  // Wrapped so wide tables scroll sideways on phones instead of widening the page.
  return `<div class="table"><table>${head}<tbody>${bodyRows.map((r) => row(r, 'row')).join('')}</tbody></table></div>`;
}

/**
 * Renders a Rich Text document. Embedded entries become a small card (inline: a link); resources,
 * and assets or entries the resolvers don't know, render nothing (a link to one keeps its text). Heading levels are
 * clamped so the body never has a second h1 or skips a level.
 */
export function renderRichText(document: Document | undefined, ctx: RichTextContext): SafeHtml {
  if (!document || !Array.isArray(document.content)) return raw('');

  let lastLevel = 1; // the page's h1
  const heading = (requested: number) => (node: Block | Inline, next: Next) => {
    if (isBlank(node.content)) return '';
    const level = Math.max(2, Math.min(requested, lastLevel + 1));
    lastLevel = level;
    const text = plainText(node as Block).replace(/\s+/g, ' ').trim();
    const id = idFor(text);
    ctx.onHeading?.({ level, text, id });
    return `<h${level} id="${escapeHtml(id)}">${inlineContent(node.content, next)}<a class="anchor" href="#${escapeHtml(id)}"><span class="visually-hidden">Link to this section</span><span aria-hidden="true">#</span></a></h${level}>`;
  };
  const idFor = uniqueIds();

  const embeddedEntry = (node: Block | Inline, inline: boolean) => {
    const id = targetId(node);
    const entry = id ? ctx.resolveEntry?.(id) : undefined;
    if (!entry || !entry.title) return '';
    const href = safeHref(entry.href);
    const title = href ? html`<a href="${href}">${entry.title}</a>` : html`${entry.title}`;
    if (inline) return title.value;
    return html`<aside class="embed">${entry.kind ? html`<p class="embed-kind">${entry.kind}</p>` : ''}<p class="embed-title">${title}</p>${
      entry.description ? html`<p>${entry.description}</p>` : ''
    }</aside>`.value;
  };

  /** A paragraph that is all code (Rich Text has no code block) becomes a <pre>. */
  const codeBlock = (node: Block): string | undefined => {
    const texts = node.content;
    if (!texts.length || !texts.every((t) => isText(t) && t.marks.some((m) => m.type === MARKS.CODE))) return undefined;
    return `<pre><code>${escapeHtml(texts.map((t) => (t as Text).value).join(''))}</code></pre>`;
  };

  const link = (href: string | undefined, node: Block | Inline, next: Next) => {
    const content = inlineContent(node.content, next);
    if (!href || !content) return content;
    return `<a href="${escapeHtml(href)}"${attrs({ rel: isExternal(href, ctx.siteOrigin) ? 'noopener' : undefined })}>${content}</a>`;
  };

  const nothing = () => '';

  const options: Partial<Options> = {
    stripEmptyTrailingParagraph: true,
    renderNode: {
      [BLOCKS.PARAGRAPH]: (node, next) =>
        isBlank(node.content) ? '' : (codeBlock(node as Block) ?? `<p>${inlineContent(node.content, next)}</p>`),
      [BLOCKS.HEADING_1]: heading(1),
      [BLOCKS.HEADING_2]: heading(2),
      [BLOCKS.HEADING_3]: heading(3),
      [BLOCKS.HEADING_4]: heading(4),
      [BLOCKS.HEADING_5]: heading(5),
      [BLOCKS.HEADING_6]: heading(6),
      [BLOCKS.UL_LIST]: (node, next) => `<ul>${next(node.content)}</ul>`,
      [BLOCKS.OL_LIST]: (node, next) => `<ol>${next(node.content)}</ol>`,
      [BLOCKS.LIST_ITEM]: (node, next) => `<li>${next(node.content)}</li>`,
      [BLOCKS.QUOTE]: (node, next) => `<blockquote>${next(node.content)}</blockquote>`,
      [BLOCKS.HR]: () => '<hr>',
      [BLOCKS.TABLE]: (node, next) => table(node as Block, next),
      [BLOCKS.EMBEDDED_ASSET]: (node) => {
        const id = targetId(node);
        const asset = id ? ctx.resolveAsset(id) : undefined;
        return asset ? figure(asset).value : '';
      },
      [BLOCKS.EMBEDDED_ENTRY]: (node) => embeddedEntry(node, false),
      [BLOCKS.EMBEDDED_RESOURCE]: nothing,
      [INLINES.EMBEDDED_ENTRY]: (node) => embeddedEntry(node, true),
      [INLINES.EMBEDDED_RESOURCE]: nothing,
      [INLINES.HYPERLINK]: (node, next) => link(safeHref(node.data?.uri), node, next),
      [INLINES.ENTRY_HYPERLINK]: (node, next) => {
        const id = targetId(node);
        return link(id ? safeHref(ctx.resolveEntryHref(id)) : undefined, node, next);
      },
      [INLINES.ASSET_HYPERLINK]: (node, next) => {
        const id = targetId(node);
        return link(id ? safeHref(ctx.resolveAsset(id)?.src) : undefined, node, next);
      },
      [INLINES.RESOURCE_HYPERLINK]: (node, next) => inlineContent(node.content, next),
    },
    renderMark: {
      [MARKS.BOLD]: (text) => `<strong>${text}</strong>`,
      [MARKS.ITALIC]: (text) => `<em>${text}</em>`,
      [MARKS.UNDERLINE]: (text) => `<u>${text}</u>`,
      [MARKS.CODE]: (text) => `<code>${text}</code>`,
      [MARKS.SUPERSCRIPT]: (text) => `<sup>${text}</sup>`,
      [MARKS.SUBSCRIPT]: (text) => `<sub>${text}</sub>`,
      [MARKS.STRIKETHROUGH]: (text) => `<s>${text}</s>`,
    },
  };
  return raw(documentToHtmlString(document, options));
}
