/** Pieces several pages share: card grids, the lead story, topic chips, pagination, highlights. */
import { thumbHashToDataURL } from 'thumbhash';
import { formatDate, isoDate } from './format.js';
import { attrs, escapeHtml, html, raw, type SafeHtml } from './html.js';
import { oneLine } from './text.js';

export interface PictureModel {
  src: string;
  width: number;
  height: number;
  alt: string;
  srcset?: string;
  sizes?: string;
  /** `#rrggbb`: painted until the image arrives. */
  color?: string;
  /** Base64 ThumbHash: a blurred preview painted until the image arrives. */
  thumbhash?: string;
}

export interface CardModel {
  title: string;
  href: string;
  description: string;
  /** `YYYY-MM-DD` or an ISO date-time. */
  publishDate: string;
  /** "Article", "Guide", … */
  type: string;
  image?: PictureModel;
  readingMinutes?: number;
  /** Search results: the text around the match, highlighted (already safe HTML). */
  snippet?: SafeHtml;
  /** Search results: the title with matches marked. */
  titleHtml?: SafeHtml;
}

/** The placeholder as inline style: colour always, the ThumbHash blur when asked for. */
export function placeholderStyle(image: Pick<PictureModel, 'color' | 'thumbhash'>, blur = false): string | undefined {
  const parts: string[] = [];
  if (image.color) parts.push(`background-color:${image.color}`);
  if (blur && image.thumbhash) {
    try {
      const url = thumbHashToDataURL(Buffer.from(image.thumbhash, 'base64'));
      parts.push(`background-image:url(${url});background-size:cover`);
    } catch {
      // A damaged hash only loses its blur.
    }
  }
  return parts.length ? parts.join(';') : undefined;
}

export function picture(
  image: PictureModel,
  opts: { className?: string; eager?: boolean; priority?: boolean; blur?: boolean },
): SafeHtml {
  return html`<img${attrs({ class: opts.className })} src="${image.src}"${attrs({
    srcset: image.srcset,
    sizes: image.srcset ? image.sizes : undefined,
  })} width="${image.width}" height="${image.height}" alt="${oneLine(image.alt)}"${attrs({
    style: placeholderStyle(image, opts.blur),
    fetchpriority: opts.priority ? 'high' : undefined,
    loading: opts.eager ? undefined : 'lazy',
    decoding: opts.eager ? undefined : 'async',
  })}>`;
}

function meta(card: CardModel): SafeHtml {
  const datetime = isoDate(card.publishDate);
  const type = oneLine(card.type);
  return html`<p class="card-meta">${datetime ? html`<time datetime="${datetime}">${formatDate(card.publishDate)}</time>` : ''}${
    card.readingMinutes ? html`<span>${card.readingMinutes} min read</span>` : ''
  }${type ? html`<span class="badge">${type}</span>` : ''}</p>`;
}

/**
 * One card. Its image is decorative: the title next to it says what the card links to, and
 * the same picture with its alt text is on the article page.
 */
export function renderCard(card: CardModel, index: number, opts: { eagerCount?: number; headingLevel?: 2 | 3 } = {}): SafeHtml {
  const eager = index < (opts.eagerCount ?? 0);
  const h = opts.headingLevel ?? 2;
  const title = card.titleHtml ?? oneLine(card.title);
  return html`<li>
<article class="card">
${card.image ? picture(card.image, { className: 'card-media', eager, priority: eager && index === 0 }) : html`<div class="card-media" aria-hidden="true"></div>`}
<div class="card-body">
${raw(`<h${h}>`)}<a href="${card.href}">${title}</a>${raw(`</h${h}>`)}
${card.snippet ? html`<p class="snippet">${card.snippet}</p>` : card.description ? html`<p>${oneLine(card.description)}</p>` : ''}
${meta(card)}
</div>
</article>
</li>`;
}

export function renderCards(cards: CardModel[], opts: { eagerCount?: number; headingLevel?: 2 | 3; label?: string } = {}): SafeHtml {
  return html`<ul class="cards"${attrs({ 'aria-label': opts.label })}>
${cards.map((card, i) => renderCard(card, i, opts))}
</ul>`;
}

/** The newest story, large, at the top of the home page: its image is the LCP element. */
export function renderLead(card: CardModel): SafeHtml {
  return html`<article class="lead">
${card.image ? picture(card.image, { className: 'lead-media', eager: true, priority: true, blur: true }) : ''}
<div class="lead-body">
<p class="kicker">Latest</p>
<h2><a href="${card.href}">${oneLine(card.title)}</a></h2>
${card.description ? html`<p>${oneLine(card.description)}</p>` : ''}
${meta(card)}
</div>
</article>`;
}

export interface ChipModel {
  name: string;
  href: string;
  current?: boolean;
}

export function renderChips(chips: ChipModel[], label = 'Topics'): SafeHtml {
  if (!chips.length) return raw('');
  return html`<nav class="chips" aria-label="${label}"><ul>
${chips.map((c) => html`<li><a class="chip" href="${c.href}"${attrs({ 'aria-current': c.current ? 'page' : undefined })}>${oneLine(c.name)}</a></li>`)}
</ul></nav>`;
}

/** Page links for `?page=`; page 1 is the bare path. */
export const pageHref = (path: string, page: number) => (page <= 1 ? path : `${path}?page=${page}`);

/** The first, the last and the pages around the current one: a bounded list however many pages there are. */
export function pageNumbers(page: number, pages: number, around = 2): number[] {
  const shown = new Set([1, pages]);
  for (let n = Math.max(1, page - around); n <= Math.min(pages, page + around); n++) shown.add(n);
  return [...shown].sort((a, b) => a - b);
}

export function renderPagination(path: string, page: number, pages: number): SafeHtml {
  if (pages <= 1) return raw('');
  const numbers = pageNumbers(page, pages);
  return html`<nav class="pagination" aria-label="Pages">
${page > 1 ? html`<a rel="prev" href="${pageHref(path, page - 1)}">← Newer</a>` : html`<span class="disabled" aria-hidden="true">← Newer</span>`}
<ol>${numbers.map((n, i) =>
    html`${i > 0 && n > numbers[i - 1]! + 1 ? html`<li aria-hidden="true">…</li>` : ''}${
      n === page ? html`<li><a href="${pageHref(path, n)}" aria-current="page">${n}</a></li>` : html`<li><a href="${pageHref(path, n)}" aria-label="Page ${n}">${n}</a></li>`
    }`,
  )}</ol>
${page < pages ? html`<a rel="next" href="${pageHref(path, page + 1)}">Older →</a>` : html`<span class="disabled" aria-hidden="true">Older →</span>`}
</nav>`;
}

/** Text with every match of `re` in <mark>; all of it escaped. */
export function highlight(text: string, re: RegExp | undefined): SafeHtml {
  if (!re) return html`${text}`;
  let out = '';
  let last = 0;
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    out += escapeHtml(text.slice(last, m.index)) + `<mark>${escapeHtml(m[0])}</mark>`;
    last = m.index + m[0].length;
  }
  return raw(out + escapeHtml(text.slice(last)));
}
