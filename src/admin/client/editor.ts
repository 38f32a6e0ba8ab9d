/**
 * The body editor: ProseMirror on the editor schema, reading and writing the hidden `body`
 * input as Contentful RichText JSON (rich-text/convert.ts), with a toolbar and keyboard shortcuts.
 */
import { baseKeymap, chainCommands, exitCode, setBlockType, toggleMark, wrapIn } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { inputRules, textblockTypeInputRule, wrappingInputRule } from 'prosemirror-inputrules';
import { keymap } from 'prosemirror-keymap';
import { Node as PmNode, type MarkType, type NodeType } from 'prosemirror-model';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import { EditorState, type Command, type Transaction } from 'prosemirror-state';
import { EditorView, type NodeView } from 'prosemirror-view';
import { proseMirrorToRichText, richTextToProseMirror, type RtNode } from '../rich-text/convert.js';
import { el } from './dom.js';
import { editorSchema as schema } from './schema.js';

interface ImageChoice {
  id: string;
  title: string;
  thumb: string;
}

const nodes = schema.nodes;
const marks = schema.marks;

function markActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  return empty ? !!type.isInSet(state.storedMarks ?? $from.marks()) : state.doc.rangeHasMark(from, to, type);
}

function blockActive(state: EditorState, type: NodeType, attrs?: Record<string, unknown>): boolean {
  const { $from } = state.selection;
  const parent = $from.parent;
  return parent.type === type && (!attrs || Object.entries(attrs).every(([k, v]) => parent.attrs[k] === v));
}

const toggleLink: Command = (state, dispatch) => {
  if (markActive(state, marks.link!)) return toggleMark(marks.link!)(state, dispatch);
  if (state.selection.empty) return false;
  if (!dispatch) return true;
  const href = window.prompt('Link address (https://…)');
  if (!href) return false;
  if (!/^(https?:|mailto:|tel:|\/)/i.test(href.trim())) {
    window.alert('Use an address starting with https://, http://, mailto:, tel: or /');
    return false;
  }
  return toggleMark(marks.link!, { href: href.trim() })(state, dispatch);
};

const insertRule: Command = (state, dispatch) => {
  if (dispatch) dispatch(state.tr.replaceSelectionWith(nodes.horizontal_rule!.create()).scrollIntoView());
  return true;
};

function buildKeymap(): Record<string, Command> {
  return {
    'Mod-z': undo,
    'Shift-Mod-z': redo,
    'Mod-y': redo,
    'Mod-b': toggleMark(marks.bold!),
    'Mod-i': toggleMark(marks.italic!),
    'Mod-u': toggleMark(marks.underline!),
    'Mod-`': toggleMark(marks.code!),
    'Mod-k': toggleLink,
    'Shift-Ctrl-0': setBlockType(nodes.paragraph!),
    'Shift-Ctrl-2': setBlockType(nodes.heading!, { level: 2 }),
    'Shift-Ctrl-3': setBlockType(nodes.heading!, { level: 3 }),
    'Shift-Ctrl-4': setBlockType(nodes.heading!, { level: 4 }),
    'Shift-Ctrl-8': wrapInList(nodes.bullet_list!),
    'Shift-Ctrl-9': wrapInList(nodes.ordered_list!),
    'Ctrl->': wrapIn(nodes.blockquote!),
    'Shift-Enter': chainCommands(exitCode, (state, dispatch) => {
      if (dispatch) dispatch(state.tr.insertText('\n').scrollIntoView());
      return true;
    }),
    Enter: splitListItem(nodes.list_item!),
    'Mod-[': liftListItem(nodes.list_item!),
    'Mod-]': sinkListItem(nodes.list_item!),
  };
}

const rules = inputRules({
  rules: [
    textblockTypeInputRule(/^(#{2,4})\s$/, nodes.heading!, (m) => ({ level: m[1]!.length })),
    wrappingInputRule(/^\s*([-+*])\s$/, nodes.bullet_list!),
    wrappingInputRule(/^(\d+)\.\s$/, nodes.ordered_list!),
    wrappingInputRule(/^\s*>\s$/, nodes.blockquote!),
  ],
});

class AssetView implements NodeView {
  dom: HTMLElement;
  constructor(node: PmNode, thumbs: Map<string, { src: string; title: string }>) {
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

/** A small dialog listing the media library's images; resolves with the chosen id. */
function chooseImage(images: ImageChoice[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    const dialog = el('dialog', { 'aria-labelledby': 'image-dialog-title', class: 'panel' });
    const list = el('div', { class: 'picker', role: 'list' });
    for (const image of images) {
      const b = el('button', { type: 'button', role: 'listitem', title: image.title }, el('img', { src: image.thumb, alt: '' }), el('span', { class: 'visually-hidden' }, image.title));
      b.addEventListener('click', () => dialog.close(image.id));
      list.append(b);
    }
    const cancel = el('button', { type: 'button' }, 'Cancel');
    cancel.addEventListener('click', () => dialog.close(''));
    dialog.append(el('h2', { id: 'image-dialog-title' }, 'Insert an image'), images.length ? list : el('p', {}, 'The media library has no images yet.'), el('p', {}, cancel));
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue || undefined);
      dialog.remove();
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

interface ToolbarItem {
  label: string;
  keys?: string;
  command: Command;
  active?: (s: EditorState) => boolean;
}

export function mountEditor(host: HTMLElement, input: HTMLInputElement, onChange: () => void): EditorView {
  const thumbs = new Map<string, { src: string; title: string }>(Object.entries(JSON.parse(host.dataset.thumbs ?? '{}') as Record<string, { src: string; title: string }>));
  const images = JSON.parse(host.dataset.images ?? '[]') as ImageChoice[];
  for (const i of images) thumbs.set(i.id, { src: i.thumb, title: i.title });

  const doc = PmNode.fromJSON(schema, richTextToProseMirror(JSON.parse(input.value) as RtNode));
  let view: EditorView;
  const items: ToolbarItem[] = [
    { label: 'Paragraph', keys: 'Ctrl+Shift+0', command: setBlockType(nodes.paragraph!), active: (s) => blockActive(s, nodes.paragraph!) },
    ...[2, 3, 4].map((level) => ({ label: `H${level}`, keys: `Ctrl+Shift+${level}`, command: setBlockType(nodes.heading!, { level }), active: (s: EditorState) => blockActive(s, nodes.heading!, { level }) })),
    { label: 'Bold', keys: 'Ctrl+B', command: toggleMark(marks.bold!), active: (s) => markActive(s, marks.bold!) },
    { label: 'Italic', keys: 'Ctrl+I', command: toggleMark(marks.italic!), active: (s) => markActive(s, marks.italic!) },
    { label: 'Underline', keys: 'Ctrl+U', command: toggleMark(marks.underline!), active: (s) => markActive(s, marks.underline!) },
    { label: 'Code', keys: 'Ctrl+`', command: toggleMark(marks.code!), active: (s) => markActive(s, marks.code!) },
    { label: 'Link', keys: 'Ctrl+K', command: toggleLink, active: (s) => markActive(s, marks.link!) },
    { label: 'Bulleted list', keys: 'Ctrl+Shift+8', command: wrapInList(nodes.bullet_list!) },
    { label: 'Numbered list', keys: 'Ctrl+Shift+9', command: wrapInList(nodes.ordered_list!) },
    { label: 'Quote', keys: 'Ctrl+>', command: wrapIn(nodes.blockquote!) },
    { label: 'Rule', command: insertRule },
    {
      label: 'Image',
      command: (state, dispatch) => {
        if (!dispatch) return true;
        void chooseImage(images).then((id) => {
          if (!id) return view.focus();
          view.dispatch(view.state.tr.replaceSelectionWith(nodes.embedded_asset!.create({ id })).scrollIntoView());
          view.focus();
        });
        return true;
      },
    },
  ];

  const toolbar = el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Formatting', 'aria-controls': 'body-prosemirror' });
  const buttons = items.map((item) => {
    const b = el('button', { type: 'button', title: item.keys ? `${item.label} (${item.keys})` : item.label }, item.label);
    if (item.active) b.setAttribute('aria-pressed', 'false');
    b.addEventListener('mousedown', (e) => e.preventDefault());
    b.addEventListener('click', () => {
      item.command(view.state, view.dispatch, view);
      view.focus();
    });
    toolbar.append(b);
    return b;
  });
  const refresh = (state: EditorState) =>
    items.forEach((item, i) => {
      if (item.active) buttons[i]!.setAttribute('aria-pressed', String(item.active(state)));
    });

  const mount = el('div');
  host.replaceChildren(toolbar, mount);
  view = new EditorView(mount, {
    state: EditorState.create({ doc, plugins: [history(), rules, keymap(buildKeymap()), keymap(baseKeymap)] }),
    nodeViews: { embedded_asset: (node) => new AssetView(node, thumbs) },
    attributes: { id: 'body-prosemirror', role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': 'body-label' },
    dispatchTransaction(tr: Transaction) {
      const state = view.state.apply(tr);
      view.updateState(state);
      refresh(state);
      if (tr.docChanged) {
        input.value = JSON.stringify(proseMirrorToRichText(state.doc.toJSON()));
        onChange();
      }
    },
  });
  refresh(view.state);
  return view;
}
