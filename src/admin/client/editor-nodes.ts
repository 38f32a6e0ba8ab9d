/**
 * How embedded assets and entries look inside the body editor, and how they are inserted so
 * that typing goes on after them rather than replacing them.
 */
import type { Node as PmNode } from 'prosemirror-model';
import { NodeSelection, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView, NodeView } from 'prosemirror-view';
import { el } from './dom.js';
import { searchEntries, searchImages } from './editor-pickers.js';
import { editorSchema as schema } from './schema.js';

export interface Thumb {
  src: string;
  title: string;
}

/**
 * Names and thumbnails the open editor has looked up by id, shared by every node on the page:
 * ids asked for together go in one request, and each is asked for once.
 */
export class Lookup<T> {
  private known = new Map<string, T>();
  private waiting = new Map<string, Array<(value: T) => void>>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly fetchIds: (ids: string[]) => Promise<Map<string, T>>,
    private readonly missing: (id: string) => T,
  ) {}

  remember(id: string, value: T) {
    this.known.set(id, value);
  }

  get(id: string, then: (value: T) => void) {
    const known = this.known.get(id);
    if (known !== undefined) return then(known);
    this.waiting.set(id, [...(this.waiting.get(id) ?? []), then]);
    this.timer ??= setTimeout(() => void this.lookUp(), 0);
  }

  private async lookUp() {
    this.timer = undefined;
    const asked = new Map(this.waiting);
    this.waiting.clear();
    const found = await this.fetchIds([...asked.keys()]).catch(() => new Map<string, T>());
    for (const [id, callbacks] of asked) {
      const value = found.get(id) ?? this.missing(id);
      this.known.set(id, value);
      callbacks.forEach((then) => then(value));
    }
  }
}

export type EntryTitles = Lookup<string>;
export type Thumbs = Lookup<Thumb>;

export const entryTitles = (): EntryTitles =>
  new Lookup(async (ids) => new Map((await searchEntries({ ids })).map((e) => [e.id, `${e.title} (${e.type})`])), (id) => `Missing entry ${id}`);

export const imageThumbs = (): Thumbs =>
  new Lookup(async (ids) => new Map((await searchImages({ ids })).map((i) => [i.id, { src: i.thumb, title: i.title }])), (id) => ({ src: '', title: id }));

export class AssetView implements NodeView {
  dom: HTMLElement;
  constructor(node: PmNode, thumbs: Thumbs) {
    const id = String(node.attrs.id);
    const caption = el('figcaption', { class: 'hint' }, `Image: ${id}`);
    this.dom = el('figure', { 'data-asset-id': id, class: 'pm-asset', contenteditable: 'false' }, caption);
    thumbs.get(id, (thumb) => {
      if (thumb.src) caption.before(el('img', { src: thumb.src, alt: '', width: '300', height: '200' }));
      caption.textContent = `Image: ${thumb.title}`;
    });
  }
  stopEvent() {
    return false;
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
    titles.get(id, (title) => (label.textContent = title));
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
