/**
 * A tagged template for HTML with automatic escaping.
 *
 *   html`<a href="${href}">${title}</a>`
 *
 * Every interpolated value is escaped unless it is trusted HTML: the result of another
 * `html` template or a string wrapped in `raw()`. Arrays are rendered item by item (so
 * `cards.map((c) => html`…`)` nests naturally); `null`, `undefined` and `false` render as
 * nothing, which keeps `${cond && html`…`}` readable.
 */

/** A string of HTML that is already safe to insert as-is. */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in element content and in quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => escapes[ch]!);

/** Marks a string as trusted HTML. Only for markup that was produced or sanitised by us. */
export const raw = (markup: string): SafeHtml => new SafeHtml(markup);

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (value === null || value === undefined || value === false || value === true) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/**
 * Renders optional attributes: `attrs({ loading: 'lazy', fetchpriority: undefined })` gives
 * ` loading="lazy"`. `true` writes a boolean attribute; `false`/`undefined`/`null` omit it.
 */
export function attrs(map: Record<string, string | number | boolean | null | undefined>): SafeHtml {
  let out = '';
  for (const [name, value] of Object.entries(map)) {
    if (value === undefined || value === null || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return new SafeHtml(out);
}
