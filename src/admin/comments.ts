/**
 * The editor's comments beside an entry and the list of comments that mention you. Comments
 * are the Management API's (src/content/threads.ts); mentions are typed as `@[name](user-id)`.
 */
import type { Actor } from '../auth/index.js';
import { commentDocument, createThread, documentFromMarkup, listMentions, listThreads, threadParentOf } from '../content/index.js';
import type { DocumentRecord } from '../store/types.js';
import type { AdminContext } from './context.js';
import { nameResolver } from './operations.js';

/** One piece of a comment's text: plain, or a mention of a person (by name). */
export type CommentPart = { text: string } | { mention: string; userId: string };

export interface CommentView {
  id: string;
  author: string;
  createdAt: string;
  status: string;
  /** Lines of parts. */
  lines: CommentPart[][];
}

async function viewOf(names: ReturnType<typeof nameResolver>, doc: DocumentRecord): Promise<CommentView> {
  const lines: CommentPart[][] = [];
  for (const paragraph of commentDocument(doc.body.body ?? '').content) {
    const parts: CommentPart[] = [];
    for (const node of paragraph.content) {
      if (node.nodeType === 'text') parts.push({ text: node.value });
      else parts.push({ mention: await names(node.data.target.sys.id), userId: node.data.target.sys.id });
    }
    lines.push(parts);
  }
  return { id: doc.id, author: await names(doc.createdBy), createdAt: doc.createdAt, status: String(doc.body.status ?? 'active'), lines };
}

export async function entryComments(ctx: AdminContext, actor: Actor, entryId: string): Promise<CommentView[]> {
  const page = await listThreads(ctx.store, ctx.scope, 'Comment', { type: 'Entry', id: entryId }, { limit: 200, skip: 0 }, actor);
  const names = nameResolver(ctx);
  return Promise.all(page.items.map((doc) => viewOf(names, doc)));
}

export async function addEntryComment(ctx: AdminContext, actor: Actor, entryId: string, text: string) {
  return createThread(ctx.store, ctx.scope, { kind: 'Comment', parent: { type: 'Entry', id: entryId }, input: { body: documentFromMarkup(text.trim()) } }, actor);
}

/** Comments mentioning the signed-in person, with the entry each is on. */
export async function mentionsFor(ctx: AdminContext, actor: Actor): Promise<Array<CommentView & { entryId: string }>> {
  const names = nameResolver(ctx);
  const docs = await listMentions(ctx.store, ctx.scope, actor.id, actor);
  return Promise.all(docs.map(async (doc) => ({ ...(await viewOf(names, doc)), entryId: threadParentOf(doc).id })));
}

/** Who may be mentioned: everyone with an account, as the markup to type. */
export async function mentionables(ctx: AdminContext): Promise<Array<{ name: string; markup: string }>> {
  return (await ctx.store.users.list()).map((u) => ({ name: u.name || u.email, markup: `@[${(u.name || u.email).replace(/[\][\n]/g, '')}](${u.id})` }));
}
