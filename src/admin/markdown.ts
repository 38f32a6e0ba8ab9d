/**
 * Markdown fields' preview in the editor, rendered on the server with markdown-it (CommonMark)
 * so the browser never turns an author's text into markup itself. Raw HTML in the text is shown
 * as text, not passed through, and markdown-it refuses `javascript:`, `vbscript:`, `file:` and
 * non-image `data:` links, so a preview cannot run script in the editor.
 */
import type { MarkdownIt } from 'markdown-it';

/** Longest text previewed: far more than any article, small enough to render in a few ms. */
export const maxMarkdownChars = 200_000;

// Loaded with the first preview: only the editor's Markdown fields need it, and loading it at
// start-up cost every restart a twentieth of a second.
let renderer: Promise<MarkdownIt> | undefined;

export async function renderMarkdown(text: string): Promise<string> {
  renderer ??= import('markdown-it').then(({ default: Md }) => new Md({ html: false, linkify: true, typographer: false }));
  return (await renderer).render(text.slice(0, maxMarkdownChars));
}
