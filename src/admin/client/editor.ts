/**
 * The body editor: ProseMirror on the editor schema, reading and writing the hidden `body`
 * input as Contentful RichText JSON (rich-text/convert.ts), with a toolbar and keyboard shortcuts.
 */
import { baseKeymap, chainCommands, exitCode, setBlockType, toggleMark, wrapIn } from 'prosemirror-commands';
import { dropCursor } from 'prosemirror-dropcursor';
import { history, redo, undo } from 'prosemirror-history';
import { inputRules, textblockTypeInputRule, wrappingInputRule } from 'prosemirror-inputrules';
import { keymap } from 'prosemirror-keymap';
import { Node as PmNode, type MarkType, type NodeType } from 'prosemirror-model';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import { EditorState, TextSelection, type Command, type Transaction } from 'prosemirror-state';
import { addColumnAfter, addRowAfter, deleteColumn, deleteRow, deleteTable, goToNextCell, isInTable, tableEditing } from 'prosemirror-tables';
import { EditorView } from 'prosemirror-view';
import { emptyDocument, isRichTextDocument, proseMirrorToRichText, richTextToProseMirror, type RtNode } from '../rich-text/convert.js';
import { el } from './dom.js';
import { editLink, linkActive, linkPopover } from './editor-link.js';
import { AssetView, EntryView, entryTitles, imageThumbs, insertAtom } from './editor-nodes.js';
import { cleanPastedHtml } from './editor-paste.js';
import { chooseEntry, chooseImage, type ImageChoice } from './editor-pickers.js';
import { slashCommands, type SlashCommand } from './editor-slash.js';
import { editorSchema as schema } from './schema.js';

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

/** A table of three columns and three rows, the first of header cells, with the cursor in its first cell. */
const insertTable: Command = (state, dispatch) => {
  if (!dispatch) return true;
  const cell = (type: NodeType) => type.create(null, nodes.paragraph!.create());
  const row = (type: NodeType) => nodes.table_row!.create(null, [cell(type), cell(type), cell(type)]);
  const table = nodes.table!.create(null, [row(nodes.table_header!), row(nodes.table_cell!), row(nodes.table_cell!)]);
  const tr = state.tr.replaceSelectionWith(table);
  let at = -1;
  tr.doc.descendants((node, pos) => {
    if (at < 0 && node === table) at = pos;
    return at < 0 && !node.isTextblock;
  });
  if (at < 0) return false;
  const end = at + table.nodeSize;
  if (tr.doc.resolve(end).nodeAfter?.type !== nodes.paragraph) tr.insert(end, nodes.paragraph!.create());
  // Inside the table, its first row, its first cell and that cell's paragraph.
  dispatch(tr.setSelection(TextSelection.create(tr.doc, at + 4)).scrollIntoView());
  return true;
};

const insertNode = (make: () => PmNode): Command => (state, dispatch) => {
  dispatch?.(insertAtom(state, make()));
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

interface ToolbarItem {
  label: string;
  keys?: string;
  command: Command;
  active?: (s: EditorState) => boolean;
  /** Shown only while this holds (table tools inside a table). */
  when?: (s: EditorState) => boolean;
  /** The Contentful node type it makes, checked against the field's enabledNodeTypes. */
  makes?: string;
  /** Offered as a slash command too, found by these words. */
  slash?: string;
  /** The name in the slash menu and the button's title, when the label is short ("H2"). */
  name?: string;
}

/** The field's `enabledNodeTypes` / `enabledMarks` validations, when it has them: the tools offered follow. */
function allowedBy(host: HTMLElement) {
  const nodesAllowed = host.dataset.enabledNodes ? new Set(JSON.parse(host.dataset.enabledNodes) as string[]) : undefined;
  const marksAllowed = host.dataset.enabledMarks ? new Set(JSON.parse(host.dataset.enabledMarks) as string[]) : undefined;
  return ({ makes }: ToolbarItem) => {
    if (!makes) return true;
    if (makes.startsWith('mark:')) return !marksAllowed || marksAllowed.has(makes.slice('mark:'.length));
    return !nodesAllowed || nodesAllowed.has(makes);
  };
}

/** True for an empty value or a RichText document: what the editor can open. */
export function isEditableRichText(value: string): boolean {
  if (!value.trim()) return true;
  try {
    return isRichTextDocument(JSON.parse(value));
  } catch {
    return false;
  }
}

/**
 * Mounts the editor in `host`, reading and writing `input` (the article's hidden input, or a
 * RichText field's JSON text area, which stays in the form, hidden, so the form still sends it).
 * Pages that list their images and thumbnails pass them as data attributes; others look them up.
 */
export function mountEditor(host: HTMLElement, input: HTMLInputElement | HTMLTextAreaElement, onChange: () => void): EditorView {
  const thumbs = imageThumbs();
  for (const [id, thumb] of Object.entries(JSON.parse(host.dataset.thumbs ?? '{}') as Record<string, { src: string; title: string }>)) thumbs.remember(id, thumb);
  const images = host.dataset.images ? (JSON.parse(host.dataset.images) as ImageChoice[]) : undefined;
  for (const i of images ?? []) thumbs.remember(i.id, { src: i.thumb, title: i.title });
  const titles = entryTitles();

  const doc = PmNode.fromJSON(schema, richTextToProseMirror(input.value.trim() ? (JSON.parse(input.value) as RtNode) : emptyDocument()));
  let view: EditorView;
  /** Runs after a dialog: the editor may have changed meanwhile, so the command reads the state then. */
  const later = (pick: () => Promise<string | undefined>, make: (id: string) => PmNode): Command => (_state, dispatch) => {
    if (!dispatch) return true;
    void pick().then((id) => {
      if (id) view.dispatch(insertAtom(view.state, make(id)));
      view.focus();
    });
    return true;
  };
  const inTable = (s: EditorState) => isInTable(s);
  const mark = (label: string, keys: string, type: MarkType, name: string): ToolbarItem => ({ label, keys, command: toggleMark(type), active: (s) => markActive(s, type), makes: `mark:${name}` });
  const all: ToolbarItem[] = [
    { label: 'Paragraph', keys: 'Ctrl+Shift+0', command: setBlockType(nodes.paragraph!), active: (s) => blockActive(s, nodes.paragraph!), slash: 'text plain' },
    ...[2, 3, 4].map((level) => ({
      label: `H${level}`,
      name: `Heading ${level}`,
      keys: `Ctrl+Shift+${level}`,
      command: setBlockType(nodes.heading!, { level }),
      active: (s: EditorState) => blockActive(s, nodes.heading!, { level }),
      makes: `heading-${level}`,
      slash: `heading ${level} title`,
    })),
    mark('Bold', 'Ctrl+B', marks.bold!, 'bold'),
    mark('Italic', 'Ctrl+I', marks.italic!, 'italic'),
    mark('Underline', 'Ctrl+U', marks.underline!, 'underline'),
    mark('Code', 'Ctrl+`', marks.code!, 'code'),
    { label: 'Link', keys: 'Ctrl+K', command: editLink, active: linkActive, makes: 'hyperlink' },
    { label: 'Bulleted list', keys: 'Ctrl+Shift+8', command: wrapInList(nodes.bullet_list!), makes: 'unordered-list', slash: 'bullets ul' },
    { label: 'Numbered list', keys: 'Ctrl+Shift+9', command: wrapInList(nodes.ordered_list!), makes: 'ordered-list', slash: 'numbers ol' },
    { label: 'Quote', keys: 'Ctrl+>', command: wrapIn(nodes.blockquote!), makes: 'blockquote', slash: 'blockquote citation' },
    { label: 'Rule', command: insertNode(() => nodes.horizontal_rule!.create()), makes: 'hr', slash: 'divider line hr' },
    { label: 'Table', command: insertTable, makes: 'table', slash: 'grid rows columns' },
    { label: 'Image', command: later(() => chooseImage(images), (id) => nodes.embedded_asset!.create({ id })), makes: 'embedded-asset-block', slash: 'picture photo asset' },
    { label: 'Entry', command: later(() => chooseEntry('Embed an entry'), (id) => nodes.embedded_entry!.create({ id })), makes: 'embedded-entry-block', slash: 'embed block reference' },
    { label: 'Inline entry', command: later(() => chooseEntry('Insert an entry in the text'), (id) => nodes.embedded_entry_inline!.create({ id })), makes: 'embedded-entry-inline', slash: 'embed inline reference' },
    { label: 'Add row', command: addRowAfter, when: inTable },
    { label: 'Add column', command: addColumnAfter, when: inTable },
    { label: 'Delete row', command: deleteRow, when: inTable },
    { label: 'Delete column', command: deleteColumn, when: inTable },
    { label: 'Delete table', command: deleteTable, when: inTable },
  ];
  const items = all.filter(allowedBy(host));
  const slash: SlashCommand[] = items.filter((i) => i.slash !== undefined).map((i) => ({ label: i.name ?? i.label, keywords: i.slash!, run: (v) => void i.command(v.state, v.dispatch, v) }));

  const editorId = host.dataset.editorId ?? 'body-prosemirror';
  const toolbar = el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Formatting', 'aria-controls': editorId });
  const buttons = items.map((item) => {
    const name = item.name ?? item.label;
    const b = el('button', { type: 'button', title: item.keys ? `${name} (${item.keys})` : name }, item.label);
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
      if (item.when) buttons[i]!.hidden = !item.when(state);
    });

  const mount = el('div', { class: 'pm-frame' });
  const kept = host.contains(input) ? [input] : [];
  input.hidden = kept.length > 0 || input.hidden;
  host.replaceChildren(toolbar, mount, ...kept);
  view = new EditorView(mount, {
    state: EditorState.create({
      doc,
      plugins: [
        history(),
        rules,
        slashCommands(mount, () => slash),
        keymap({ ...buildKeymap(), 'Mod-k': editLink, Tab: goToNextCell(1), 'Shift-Tab': goToNextCell(-1) }),
        keymap(baseKeymap),
        dropCursor(),
        tableEditing(),
        linkPopover(mount, titles),
      ],
    }),
    nodeViews: {
      embedded_asset: (node) => new AssetView(node, thumbs),
      embedded_entry: (node) => new EntryView(node, titles, false),
      embedded_entry_inline: (node) => new EntryView(node, titles, true),
    },
    transformPastedHTML: cleanPastedHtml,
    attributes: { id: editorId, role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': host.dataset.labelledby ?? 'body-label' },
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
