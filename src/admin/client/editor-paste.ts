/**
 * Pasted HTML from Google Docs and Word, tidied before ProseMirror parses it with the schema's
 * rules. Both mark bold, italic and the rest with inline styles, which the editor's CSP keeps
 * the browser from reading (`element.style` stays empty): the styles are read here from the
 * attribute text and become <strong>, <em>, <u>, <s>, <sup> and <sub>, then every style
 * attribute goes. Docs wraps a whole paste in one <b style="font-weight:normal">, which is not
 * bold. Word writes lists as paragraphs with `mso-list` styles and a fake bullet: those become
 * real lists.
 */

/**
 * Style attributes renamed before the HTML is parsed: even in a DOMParser document the browser
 * applies the page's CSP to them, reporting each as a violation. Renamed, they are plain text.
 */
const styleAttribute = 'data-pasted-style';
const renameStyles = (html: string) => html.replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/(\s)style=/gi, `$1${styleAttribute}=`));
const styleOf = (element: Element) => element.getAttribute(styleAttribute) ?? '';
const markers = `[${styleAttribute}*="mso-list:Ignore" i], [${styleAttribute}*="mso-list: Ignore" i]`;

const wordListItem = (p: Element) => /mso-list:\s*l\d+\s+level(\d+)/i.exec(styleOf(p));

/** Word's fake bullet or number ("·", "1.", "a)") tells the list's kind. */
function wordListKind(p: Element): 'ul' | 'ol' {
  const marker = p.querySelector(markers)?.textContent?.trim() ?? '';
  return /^([0-9]+|[a-z]|[ivxlc]+)[.)]$/i.test(marker) ? 'ol' : 'ul';
}

/** Word's list paragraphs, in runs of neighbours, as nested <ul>/<ol> by their `level`. */
function wordLists(doc: Document) {
  const runs: Element[][] = [];
  for (const p of doc.body.querySelectorAll('p')) {
    if (!wordListItem(p)) continue;
    const run = runs.at(-1);
    if (run && run.at(-1)!.nextElementSibling === p) run.push(p);
    else runs.push([p]);
  }
  for (const run of runs) {
    // Lists are placed before this marker, in order, then the run's paragraphs go.
    const anchor = doc.createComment('');
    run[0]!.before(anchor);
    const open: HTMLElement[] = [];
    for (const p of run) {
      const level = Math.min(Number(wordListItem(p)![1]), 9);
      while (open.length > level) open.pop();
      while (open.length < level) {
        const list = doc.createElement(wordListKind(p));
        const parent = open.at(-1);
        if (parent) (parent.lastElementChild ?? parent.appendChild(doc.createElement('li'))).append(list);
        else anchor.before(list);
        open.push(list);
      }
      p.querySelectorAll(markers).forEach((n) => n.remove());
      const para = doc.createElement('p');
      para.append(...p.childNodes);
      const item = doc.createElement('li');
      item.append(para);
      open.at(-1)!.append(item);
      p.remove();
    }
    anchor.remove();
  }
}

/** An inline style attribute's declarations, lower-cased: `font-weight:700; …` → Map. */
function declarations(style: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of style.split(';')) {
    const colon = part.indexOf(':');
    if (colon > 0) found.set(part.slice(0, colon).trim().toLowerCase(), part.slice(colon + 1).trim().toLowerCase());
  }
  return found;
}

const isBold = (weight: string | undefined) => !!weight && /^(bold(er)?|[6-9]\d\d)$/.test(weight);

/** The tags an element's style means, outermost first. */
function tagsOf(style: Map<string, string>): string[] {
  const tags: string[] = [];
  if (isBold(style.get('font-weight'))) tags.push('strong');
  if (style.get('font-style') === 'italic') tags.push('em');
  const decoration = `${style.get('text-decoration') ?? ''} ${style.get('text-decoration-line') ?? ''}`;
  if (decoration.includes('underline')) tags.push('u');
  if (decoration.includes('line-through')) tags.push('s');
  const align = style.get('vertical-align');
  if (align === 'super') tags.push('sup');
  if (align === 'sub') tags.push('sub');
  return tags;
}

function stylesToTags(doc: Document) {
  for (const element of [...doc.body.querySelectorAll(`[${styleAttribute}]`)]) {
    const style = declarations(styleOf(element));
    element.removeAttribute(styleAttribute);
    const weight = style.get('font-weight');
    // <b style="font-weight:normal"> (Docs' wrapper) is not bold: keep its content, drop the tag.
    if (element.tagName === 'B' && weight && !isBold(weight)) {
      element.replaceWith(...element.childNodes);
      continue;
    }
    const tags = tagsOf(style);
    if (!tags.length) continue;
    // Inside the element, so a styled <p> or <li> keeps its block and its text gets the marks.
    const outer = doc.createElement(tags[0]!);
    let inner = outer;
    for (const tag of tags.slice(1)) inner = inner.appendChild(doc.createElement(tag));
    inner.append(...element.childNodes);
    element.append(outer);
  }
}

export function cleanPastedHtml(html: string): string {
  if (!/style=|urn:schemas-microsoft-com|class="?Mso/i.test(html)) return html;
  const doc = new DOMParser().parseFromString(renameStyles(html), 'text/html');
  doc.querySelectorAll('style, meta, link, script, title, o\\:p').forEach((n) => n.remove());
  wordLists(doc);
  stylesToTags(doc);
  return doc.body.innerHTML;
}
