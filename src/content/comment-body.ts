/**
 * A comment's body as Contentful has it: plain text, or (header `x-contentful-comment-body-format:
 * rich-text`) a rich-text document of paragraphs holding text and mentions, a mention being a
 * node `mention` whose `data.target` links a User. Readers asking for plain text get the
 * document's text with each mention as `@name`; readers asking for rich text get a plain body as
 * a one-paragraph document. The editor writes mentions as `@[name](user-id)`.
 */
import { validationFailed } from '../errors/index.js';
import type { Json } from '../store/types.js';
import * as is from '../validate/is.js';

/** Contentful's limit on a comment's or task's text. */
export const maxBodyLength = 512;
const maxParagraphs = 100;
const maxInlines = 200;

type Inline = { nodeType: 'text'; value: string; marks: Json[]; data: Record<string, Json> } | { nodeType: 'mention'; data: { target: { sys: { type: 'Link'; linkType: 'User'; id: string } } }; content: Json[] };
type Paragraph = { nodeType: 'paragraph'; data: Record<string, Json>; content: Inline[] };
export type CommentDocument = { nodeType: 'document'; data: Record<string, Json>; content: Paragraph[] };

const refuse = (details: string): never => {
  throw validationFailed([{ name: 'invalid', path: ['body'], details }], details);
};

const textNode = (value: string): Inline => ({ nodeType: 'text', value, marks: [], data: {} });
const mentionNode = (userId: string, name: string): Inline => ({ nodeType: 'mention', data: { target: { sys: { type: 'Link', linkType: 'User', id: userId } } }, content: [textNode(name) as Json] });

/** The name a mention shows: the text inside it, else the user id. */
const mentionName = (node: { content?: unknown }) => {
  const inner = Array.isArray(node.content) ? node.content.map((t) => (is.plainObject(t) && is.string(t.value) ? t.value : '')).join('') : '';
  return inner.replace(/^@/, '') || undefined;
};

/** Reads a rich-text comment: only document → paragraph → text | mention, as Contentful accepts. */
function parseInline(node: unknown): Inline {
  if (!is.plainObject(node)) return refuse('A paragraph holds text and mention nodes');
  if (node.nodeType === 'text') {
    if (!is.string(node.value)) return refuse('A text node needs a string value');
    return textNode(node.value);
  }
  if (node.nodeType === 'mention') {
    const target = is.plainObject(node.data) && is.plainObject(node.data.target) ? node.data.target.sys : undefined;
    if (!is.plainObject(target) || target.type !== 'Link' || !is.nonEmptyString(target.id)) return refuse('A mention needs data.target, a Link to a User');
    if (target.linkType === 'Team') return refuse('Folio has no teams: mention users');
    if (target.linkType !== 'User') return refuse('A mention needs data.target, a Link to a User');
    return mentionNode(target.id, mentionName(node) ?? target.id);
  }
  return refuse(`Comments accept document, paragraph, text and mention nodes, not "${String(node.nodeType)}"`);
}

export function parseCommentDocument(v: unknown): CommentDocument {
  if (!is.plainObject(v) || v.nodeType !== 'document' || !Array.isArray(v.content)) return refuse('body must be text or a rich text document');
  if (v.content.length > maxParagraphs) refuse(`A comment has at most ${maxParagraphs} paragraphs`);
  const content = v.content.map((p): Paragraph => {
    if (!is.plainObject(p) || p.nodeType !== 'paragraph' || !Array.isArray(p.content)) return refuse('A comment document holds paragraphs');
    if (p.content.length > maxInlines) refuse(`A paragraph has at most ${maxInlines} nodes`);
    return { nodeType: 'paragraph', data: {}, content: p.content.map(parseInline) };
  });
  const doc: CommentDocument = { nodeType: 'document', data: {}, content };
  const length = commentText(doc).length;
  if (length < 1 || length > maxBodyLength) refuse(`body has 1 to ${maxBodyLength} characters`);
  return doc;
}

/** The users a comment mentions, each once, in order. */
export const mentionedUsers = (doc: CommentDocument): string[] => [
  ...new Set(doc.content.flatMap((p) => p.content.flatMap((n) => (n.nodeType === 'mention' ? [n.data.target.sys.id] : [])))),
];

/** The plain text of a comment: paragraphs on their own lines, mentions as `@name`. */
export function commentText(body: Json): string {
  if (is.string(body)) return body;
  const doc = body as unknown as CommentDocument;
  return doc.content.map((p) => p.content.map((n) => (n.nodeType === 'text' ? n.value : `@${mentionName(n) ?? n.data.target.sys.id}`)).join('')).join('\n');
}

/** A body as a rich-text document (a plain one becomes one paragraph). */
export function commentDocument(body: Json): CommentDocument {
  if (!is.string(body)) return body as unknown as CommentDocument;
  return { nodeType: 'document', data: {}, content: [{ nodeType: 'paragraph', data: {}, content: [textNode(body)] }] };
}

const markup = /@\[([^\]\n]{1,100})\]\(([A-Za-z0-9_.-]{1,64})\)/g;

/** The editor's text with `@[name](user-id)` mentions, as a document; plain text when it has none. */
export function documentFromMarkup(text: string): string | CommentDocument {
  if (!new RegExp(markup.source).test(text)) return text;
  const paragraphs = text.split(/\r?\n/).map((line): Paragraph => {
    const content: Inline[] = [];
    let at = 0;
    for (const m of line.matchAll(markup)) {
      if (m.index > at) content.push(textNode(line.slice(at, m.index)));
      content.push(mentionNode(m[2]!, m[1]!));
      at = m.index + m[0].length;
    }
    if (at < line.length || content.length === 0) content.push(textNode(line.slice(at)));
    return { nodeType: 'paragraph', data: {}, content };
  });
  return { nodeType: 'document', data: {}, content: paragraphs };
}
