/**
 * How embedded assets and entries look inside the body editor, and how they are inserted so
 * that typing goes on after them rather than replacing them.
 */
import type { Node as PmNode } from 'prosemirror-model';
import { NodeSelection, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView, NodeView } from 'prosemirror-view';
import { el } from './dom.js';
import { searchEntries } from './editor-pickers.js';
import { editorSchema as schema } from './schema.js';

export type Thumbs = Map<string, { src: string; title: string }>;

export class AssetView implements NodeView {
  dom: HTMLElement;
  constructor(node: PmNode, thumbs: Thumbs) {
    const id = String(node.attrs.id);
    const thumb = thumbs.get(id);
    this.dom = el('figure', { 'data-asset-id': id, class: 'pm-asset', contenteditable: 'false' });
    if (thumb?.src) this.dom.append(el('img', { src: thumb.src, alt: '', width: '300', height: '200' }));
    this.dom.append(el('figcaption', { class: 'hint' }, `Image: ${thumb?.title ?? id}`));
  }
  stopEvent() {
    return false;
  }
}

/** Entry titles the open editor has looked up, shared by every entry node on the page. */
export class EntryTitles {
  private known = new Map<string, string>();
  private waiting = new Map<string, Array<(title: string) => void>>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  remember(id: string, title: string) {
    this.known.set(id, title);
  }

  /** Calls back with the entry's title; ids asked for together are looked up in one request. */
  title(id: string, then: (title: string) => void) {
    const known = this.known.get(id);
    if (known !== undefined) return then(known);
    this.waiting.set(id, [...(this.waiting.get(id) ?? []), then]);
    this.timer ??= setTimeout(() => void this.lookUp(), 0);
  }

  private async lookUp() {
    this.timer = undefined;
    const asked = new Map(this.waiting);
    this.waiting.clear();
    const found = await searchEntries({ ids: [...asked.keys()] }).catch(() => []);
    for (const item of found) this.known.set(item.id, `${item.title} (${item.type})`);
    for (const [id, callbacks] of asked) {
      const title = this.known.get(id) ?? `Missing entry ${id}`;
      callbacks.forEach((then) => then(title));
    }
  }
}

/** An embedded entry, block or inline, shown by its title. */
export class EntryView implements NodeView {
  dom: HTMLElement;
  constructor(node: PmNode, titles: EntryTitles, inline: boolean) {
    const id = String(node.attrs.id);
    const label = el('span', {}, `Entry ${id}`);
    this.dom = inline
      ? el('span', { class: 'pm-entry-inline', 'data-entry-id': id, contenteditable: 'false' }, label)
      : el('div', { class: 'pm-entry', 'data-entry-id': id, contenteditable: 'false' }, el('span', { class: 'hint' }, 'Embedded entry: '), label);
    titles.title(id, (title) => (label.textContent = title));
  }
  stopEvent() {
    return false;
  }
}

/**
 * Inserts an atom (image, entry, rule, table) at the selection. A block atom is followed by a
 * paragraph with the cursor in it: left selected, the next keystroke would replace it.
 */
export function insertAtom(state: EditorState, node: PmNode): Transaction {
  const tr = state.tr.replaceSelectionWith(node);
  if (node.isInline || !(tr.selection instanceof NodeSelection)) return tr.scrollIntoView();
  const after = tr.selection.to;
  if (tr.doc.resolve(after).nodeAfter?.type !== schema.nodes.paragraph) tr.insert(after, schema.nodes.paragraph!.create());
  return tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView();
}

export const focusAfter = (view: EditorView, tr: Transaction) => {
  view.dispatch(tr);
  view.focus();
};
