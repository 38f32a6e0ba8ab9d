/**
 * Markdown fields' preview in the editor, rendered on the server with markdown-it (CommonMark)
 * so the browser never turns an author's text into markup itself. Raw HTML in the text is shown
 * as text, not passed through, and markdown-it refuses `javascript:`, `vbscript:`, `file:` and
 * non-image `data:` links, so a preview cannot run script in the editor.
 */
import MarkdownIt from 'markdown-it';

/** Longest text previewed: far more than any article, small enough to render in a few ms. */
export const maxMarkdownChars = 200_000;

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

export function renderMarkdown(text: string): string {
  return md.render(text.slice(0, maxMarkdownChars));
}
