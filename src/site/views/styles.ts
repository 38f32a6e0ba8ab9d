/**
 * The hub's one stylesheet. Served by the lead at `cssHref()` with immutable caching; the
 * hash in its name changes whenever the CSS does.
 */
import { createHash } from 'node:crypto';

const source = /* css */ `
:root {
  color-scheme: light dark;
  --bg: #fff;
  --surface: #fff;
  --sunken: #f4f6f8;
  --text: #16191d;
  --muted: #535a64;
  --line: #dde1e6;
  --accent: #0b57d0;
  --accent-soft: #e8f0fe;
  --accent-strong: #0b57d0;
  --on-accent: #fff;
  --line-strong: #8a929c;
  --mark: #fde68a;
  --warn-bg: #fff4ce;
  --warn-text: #4d3800;
  --focus: #0b57d0;
  --shadow: 0 1px 2px rgb(16 24 40 / 6%), 0 8px 24px -8px rgb(16 24 40 / 14%);
  --radius: 12px;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #101317;
    --surface: #171b21;
    --sunken: #1e232a;
    --text: #e7eaee;
    --muted: #a6aeb9;
    --line: #2c333c;
    --accent: #8ab4f8;
    --accent-soft: #1d2a3f;
    --accent-strong: #8ab4f8;
    --on-accent: #0b1526;
    --line-strong: #5b6470;
    --mark: #6b5900;
    --warn-bg: #3d3000;
    --warn-text: #ffe9a8;
    --focus: #8ab4f8;
    --shadow: 0 1px 2px rgb(0 0 0 / 30%), 0 8px 24px -8px rgb(0 0 0 / 50%);
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  min-height: 100vh;
  display: flex;
  flex-direction: column;
  background: var(--bg);
  color: var(--text);
  font: 1rem/1.6 var(--font);
}
main { flex: 1; }
img { max-width: 100%; height: auto; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; }
h1 { text-wrap: balance; }
.wrap { width: min(100% - 2rem, 80rem); margin-inline: auto; }
@media (min-width: 48rem) { .wrap { width: min(100% - 4rem, 80rem); } }
.skip-link {
  position: absolute;
  left: 1rem;
  top: -4rem;
  z-index: 10;
  padding: 0.5rem 1rem;
  background: var(--text);
  color: var(--bg);
  border-radius: 0 0 8px 8px;
  font-weight: 600;
}
.skip-link:focus { top: 0; }
.site-header { border-bottom: 1px solid var(--line); background: var(--surface); }
.site-header .wrap { display: flex; align-items: center; gap: 0.75rem; min-height: 4rem; flex-wrap: wrap; }
.brand {
  display: inline-flex;
  align-items: center;
  gap: 0.5rem;
  color: var(--text);
  font-weight: 750;
  font-size: 1.25rem;
  letter-spacing: -0.02em;
  text-decoration: none;
}
.brand::before {
  content: "";
  width: 1.5rem;
  height: 1.5rem;
  border-radius: 6px;
  background: linear-gradient(135deg, var(--accent), #7c4dff);
}
.brand.has-logo::before { display: none; }
.brand img { height: 2rem; width: auto; max-width: 10rem; object-fit: contain; }
.site-nav { flex-basis: 100%; padding-bottom: 0.75rem; }
.site-header .wrap:has(> .site-nav) { padding-top: 0.5rem; }
.site-nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.9375rem; }
.site-nav a { color: inherit; }
.tagline { margin: 0; padding-left: 0.75rem; border-left: 1px solid var(--line); color: var(--muted); font-size: 0.9375rem; }
.site-footer { margin-top: 4rem; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.875rem; }
.site-footer .wrap { display: flex; justify-content: space-between; gap: 1rem; flex-wrap: wrap; padding-block: 1.5rem; }
.site-footer p { margin: 0; }
.hub-intro { padding-block: 2.5rem 1.5rem; }
.hub-intro h1 { margin: 0; font-size: clamp(1.75rem, 1.2rem + 2.4vw, 2.75rem); letter-spacing: -0.025em; }
.hub-intro p { margin: 0.5rem 0 0; max-width: 42rem; color: var(--muted); font-size: 1.0625rem; }
.cards {
  list-style: none;
  margin: 0;
  padding: 0;
  display: grid;
  gap: 1.5rem;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 19rem), 1fr));
}
.card {
  position: relative;
  display: flex;
  flex-direction: column;
  height: 100%;
  overflow: hidden;
  background: var(--surface);
  border: 1px solid var(--line);
  border-radius: var(--radius);
  transition: box-shadow 0.2s, transform 0.2s;
}
.card:hover { box-shadow: var(--shadow); transform: translateY(-2px); }
.card-media { display: block; width: 100%; aspect-ratio: 330 / 216; object-fit: cover; background: var(--sunken); }
.card-media:not(img) { background: linear-gradient(135deg, var(--accent-soft), var(--sunken)); }
.card-body { display: flex; flex-direction: column; flex: 1; gap: 0.5rem; padding: 1rem 1.125rem 1.125rem; }
.card h2 { margin: 0; font-size: 1.125rem; font-weight: 650; letter-spacing: -0.01em; }
.card h2 a { color: var(--text); text-decoration: none; }
.card h2 a::after { content: ""; position: absolute; inset: 0; border-radius: var(--radius); }
.card h2 a:focus-visible { outline: none; }
.card h2 a:focus-visible::after { outline: 3px solid var(--focus); outline-offset: -3px; }
.card:hover h2 a { color: var(--accent); text-decoration: underline; text-decoration-thickness: 1px; }
.card p { margin: 0; color: var(--muted); font-size: 0.9375rem; line-height: 1.55; }
.card .card-meta { margin-top: auto; padding-top: 0.5rem; display: flex; align-items: center; gap: 0.5rem; flex-wrap: wrap; font-size: 0.8125rem; }
.badge {
  display: inline-block;
  padding: 0.125rem 0.5rem;
  border-radius: 999px;
  background: var(--accent-soft);
  color: var(--text);
  font-size: 0.75rem;
  font-weight: 600;
  letter-spacing: 0.02em;
}
.empty { padding: 3rem 1rem; text-align: center; color: var(--muted); border: 1px dashed var(--line); border-radius: var(--radius); }
.crumbs, .article-header, .prose { width: min(100% - 2rem, 42rem); margin-inline: auto; }
.crumbs { padding-top: 1.5rem; }
.breadcrumb { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 0.5rem; margin: 0 0 1.75rem; padding: 0; font-size: 0.875rem; color: var(--muted); }
.breadcrumb li { display: flex; gap: 0.5rem; min-width: 0; }
.breadcrumb li + li::before { content: "/"; color: var(--line); }
.breadcrumb [aria-current] { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 60vw; }
.kicker { margin: 0 0 0.75rem; color: var(--accent); font-size: 0.8125rem; font-weight: 700; letter-spacing: 0.08em; text-transform: uppercase; }
.article-header h1 { margin: 0; font-size: clamp(1.875rem, 1.3rem + 2.6vw, 2.875rem); letter-spacing: -0.03em; line-height: 1.15; }
.lede { margin: 1rem 0 0; color: var(--muted); font-size: clamp(1.0625rem, 1rem + 0.4vw, 1.1875rem); line-height: 1.55; }
.byline { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.75rem; margin: 1.5rem 0 0; font-size: 0.9375rem; color: var(--muted); }
.byline strong { color: var(--text); font-weight: 600; }
.byline > :not(:last-child)::after { content: "·"; margin-left: 0.75rem; }
.topics { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 1.25rem 0 0; padding: 0; }
.chip { padding: 0.25rem 0.75rem; border: 1px solid var(--line); border-radius: 999px; font-size: 0.8125rem; color: var(--text); background: var(--sunken); }
.hero { width: min(100%, 55rem); margin: 2rem auto 0; }
.hero img { display: block; width: 100%; aspect-ratio: 16 / 9; object-fit: cover; background: var(--sunken); }
@media (min-width: 56rem) { .hero img { border-radius: var(--radius); } }
.prose { margin-top: 2.5rem; font-size: 1.125rem; line-height: 1.75; overflow-wrap: break-word; }
.prose > :first-child { margin-top: 0; }
.prose h2, .prose h3, .prose h4, .prose h5, .prose h6 { letter-spacing: -0.015em; margin: 2em 0 0.5em; }
.prose h2 { font-size: 1.625rem; }
.prose h3 { font-size: 1.3125rem; }
.prose h4, .prose h5, .prose h6 { font-size: 1.0625rem; }
.prose p, .prose ul, .prose ol, .prose blockquote, .prose figure, .prose .table { margin: 0 0 1.25em; }
.prose ul, .prose ol { padding-left: 1.5em; }
.prose li { margin-block: 0.375em; }
.prose li > p { margin: 0; }
.prose li::marker { color: var(--muted); }
.prose blockquote { padding: 0.25em 0 0.25em 1.25em; border-left: 4px solid var(--accent); color: var(--muted); font-size: 1.1875rem; }
.prose blockquote p:last-child { margin-bottom: 0; }
.prose hr { border: 0; border-top: 1px solid var(--line); margin: 2.5em auto; width: 40%; }
.prose code { font-family: var(--mono); font-size: 0.85em; padding: 0.1em 0.35em; border-radius: 4px; background: var(--sunken); }
.prose figure img { display: block; border-radius: 8px; background: var(--sunken); }
.prose figcaption { margin-top: 0.5rem; font-size: 0.875rem; color: var(--muted); }
.prose .table { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; }
.prose table { width: 100%; border-collapse: collapse; font-size: 0.9375rem; line-height: 1.5; }
.prose th, .prose td { padding: 0.625rem 0.875rem; text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); }
.prose tr:last-child > * { border-bottom: 0; }
.prose thead th { background: var(--sunken); }
.prose th p, .prose td p { margin: 0; }
.status { width: min(100% - 2rem, 42rem); margin-inline: auto; padding-block: 4rem 2rem; }
.status .code { margin: 0; color: var(--accent); font-size: 0.875rem; font-weight: 700; letter-spacing: 0.08em; text-transform: uppercase; }
.status h1 { margin: 0.5rem 0 1rem; font-size: clamp(2rem, 1.5rem + 2vw, 2.75rem); letter-spacing: -0.03em; }
.status p { color: var(--muted); font-size: 1.0625rem; }
.status code { font-family: var(--mono); font-size: 0.9em; color: var(--text); background: var(--sunken); padding: 0.1em 0.4em; border-radius: 4px; overflow-wrap: anywhere; }
.button { display: inline-block; margin-top: 1rem; padding: 0.625rem 1.25rem; border-radius: 999px; background: var(--accent-strong); color: var(--on-accent); font-weight: 600; text-decoration: none; }
.button:hover { filter: brightness(1.1); }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.site-search { display: flex; gap: 0.375rem; margin-left: auto; flex: 1 1 14rem; min-width: 0; max-width: 22rem; padding-block: 0.5rem; }
.site-search input { width: 0; }
.site-search input, .search-form input {
  flex: 1;
  min-width: 0;
  padding: 0.5rem 0.875rem;
  border: 1px solid var(--line-strong);
  border-radius: 999px;
  background: var(--bg);
  color: var(--text);
  font: inherit;
  font-size: 0.9375rem;
}
.site-search button, .search-form button {
  padding: 0.5rem 1rem;
  border: 0;
  border-radius: 999px;
  background: var(--accent-strong);
  color: var(--on-accent);
  font: inherit;
  font-size: 0.9375rem;
  font-weight: 600;
  cursor: pointer;
}
.search-form { margin-top: 1.25rem; max-width: 40rem; }
.search-form label { display: block; margin-bottom: 0.375rem; font-weight: 600; }
.search-row { display: flex; gap: 0.5rem; }
.search-form input { padding: 0.75rem 1rem; font-size: 1.0625rem; }
.search-status { margin: 0 0 1.25rem; color: var(--muted); }
.search-results[aria-busy="true"] { opacity: 0.6; }
mark { background: var(--mark); color: inherit; border-radius: 2px; padding: 0 0.1em; }
.page-of { color: var(--muted); font-size: 0.6em; font-weight: 500; letter-spacing: 0; }
.chips ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0 0 2rem; padding: 0; }
a.chip { display: inline-block; text-decoration: none; min-height: 2rem; line-height: 1.4rem; }
a.chip:hover { border-color: var(--accent); color: var(--accent); }
a.chip[aria-current] { background: var(--accent-strong); border-color: var(--accent-strong); color: var(--on-accent); }
.lead { display: grid; gap: 1.25rem 2rem; margin-bottom: 2.5rem; align-items: center; }
@media (min-width: 64rem) { .lead { grid-template-columns: minmax(0, 46rem) minmax(0, 1fr); } }
.lead-media { display: block; width: 100%; height: auto; aspect-ratio: 330 / 216; object-fit: cover; border-radius: var(--radius); }
.lead .kicker { margin-bottom: 0.5rem; }
.lead h2 { margin: 0; font-size: clamp(1.5rem, 1.1rem + 1.6vw, 2.25rem); letter-spacing: -0.025em; line-height: 1.2; }
.lead h2 a { color: var(--text); text-decoration: none; }
.lead h2 a:hover { color: var(--accent); text-decoration: underline; }
.lead p { color: var(--muted); font-size: 1.0625rem; margin: 0.75rem 0 0; }
.lead .card-meta { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; font-size: 0.875rem; }
.section-title { margin: 0 0 1.25rem; font-size: 1.25rem; letter-spacing: -0.01em; }
.card h3 { margin: 0; font-size: 1.125rem; font-weight: 650; letter-spacing: -0.01em; }
.card h3 a { color: var(--text); text-decoration: none; }
.card h3 a::after { content: ""; position: absolute; inset: 0; border-radius: var(--radius); }
.card h3 a:focus-visible { outline: none; }
.card h3 a:focus-visible::after { outline: 3px solid var(--focus); outline-offset: -3px; }
.card:hover h3 a { color: var(--accent); text-decoration: underline; text-decoration-thickness: 1px; }
.card .snippet { color: var(--text); }
.pagination { display: flex; align-items: center; justify-content: center; gap: 0.75rem; flex-wrap: wrap; margin-top: 2.5rem; }
.pagination ol { list-style: none; display: flex; gap: 0.375rem; margin: 0; padding: 0; }
.pagination a, .pagination span { display: inline-block; min-width: 2.75rem; padding: 0.5rem 0.75rem; border: 1px solid var(--line); border-radius: 999px; text-align: center; text-decoration: none; }
.pagination a[aria-current] { background: var(--accent-strong); border-color: var(--accent-strong); color: var(--on-accent); }
.pagination .disabled { color: var(--muted); border-style: dashed; }
.crumbs.wide { width: auto; }
.crumbs.wide + .hub-intro { padding-top: 0; }
.toc { width: min(100% - 2rem, 42rem); margin: 2.5rem auto 0; padding: 1rem 1.25rem; border: 1px solid var(--line); border-radius: var(--radius); background: var(--sunken); }
.toc h2 { margin: 0 0 0.5rem; font-size: 0.875rem; letter-spacing: 0.06em; text-transform: uppercase; color: var(--muted); }
.toc ol { margin: 0; padding-left: 1.25rem; }
.toc li { margin-block: 0.25rem; }
.prose :is(h2, h3, h4, h5, h6) { scroll-margin-top: 1rem; }
.anchor { margin-left: 0.4em; color: var(--muted); text-decoration: none; font-weight: 400; opacity: 0; }
:is(h2, h3, h4, h5, h6):hover > .anchor, .anchor:focus-visible { opacity: 1; }
.prose pre { margin: 0 0 1.25em; padding: 1rem 1.125rem; overflow-x: auto; border-radius: 8px; background: var(--sunken); font-size: 0.9375rem; line-height: 1.6; }
.prose pre code { padding: 0; background: none; font-size: inherit; }
.embed { margin: 0 0 1.25em; padding: 1rem 1.25rem; border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 8px; background: var(--surface); }
.embed p { margin: 0; font-size: 1rem; color: var(--muted); }
.embed .embed-kind { font-size: 0.75rem; font-weight: 700; letter-spacing: 0.08em; text-transform: uppercase; color: var(--accent); }
.embed .embed-title { margin: 0.25rem 0; font-size: 1.125rem; font-weight: 650; }
.related { margin-top: 4rem; padding-top: 2rem; border-top: 1px solid var(--line); }
.related > h2 { margin: 0 0 1.25rem; font-size: 1.5rem; letter-spacing: -0.015em; }
.author-intro { display: flex; gap: 1.25rem; align-items: flex-start; }
.avatar { flex: none; display: grid; place-items: center; width: 4.5rem; height: 4.5rem; border-radius: 50%; background: var(--accent-strong); color: var(--on-accent); font-size: 1.5rem; font-weight: 700; }
.count { font-size: 0.9375rem; }
.draft-banner { margin: 0; padding: 0.625rem 1rem; background: var(--warn-bg); color: var(--warn-text); text-align: center; font-size: 0.9375rem; }
.footer-topics { flex-basis: 100%; }
.footer-topics h2 { margin: 0 0 0.5rem; font-size: 0.875rem; color: var(--text); }
.footer-topics ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0; padding: 0; }
.site-footer a { color: var(--muted); }
.site-footer a:hover { color: var(--accent); }
.footer-links { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
@media (prefers-reduced-motion: reduce) {
  .card { transition: none; }
  .card:hover { transform: none; }
}
@media print {
  .site-header, .site-footer, .skip-link, .crumbs, .related, .toc, .anchor { display: none; }
}
`;

/** Strips comments and insignificant whitespace; the source above stays readable. */
const minify = (css: string) =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .replace(/(^|[^\w.-])0\.(\d)/g, '$1.$2')
    .trim();

export const siteCss: string = minify(source);

/** First 10 hex digits of the stylesheet's SHA-256: changes whenever the CSS does. */
export const siteCssHash: string = createHash('sha256').update(siteCss).digest('hex').slice(0, 10);

/** Where pages link the stylesheet; the lead serves `siteCss` at exactly this path. */
export const cssHref = (): string => `/assets/site.${siteCssHash}.css`;
