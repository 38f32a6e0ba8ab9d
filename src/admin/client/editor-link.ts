/**
 * Links in the body editor: a popover under the text instead of the browser's prompt(). On a
 * link it shows where it goes with Edit and Remove; Ctrl+K or the toolbar opens the form, which
 * takes an address or an entry (Contentful's entry-hyperlink).
 */
import type { Mark, MarkType, ResolvedPos } from 'prosemirror-model';
import { Plugin, PluginKey, TextSelection, type Command, type EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { link } from '../../contentful/links.js';
import { el } from './dom.js';
import { chooseEntry } from './editor-pickers.js';
import type { EntryTitles } from './editor-nodes.js';
import { editorSchema as schema } from './schema.js';

const linkType = schema.marks.link!;
const safeAddress = /^(https?:\/\/|mailto:|tel:|\/)/i;

/** The stretch of text around `$pos` carrying one link mark: the child it is in, or the one it ends. */
function linkRange($pos: ResolvedPos, type: MarkType): { from: number; to: number; mark: Mark } | undefined {
  const parent = $pos.parent;
  const here = $pos.index();
  const candidates = $pos.textOffset > 0 ? [here] : [here, here - 1];
  const index = candidates.find((i) => i >= 0 && i < parent.childCount && type.isInSet(parent.child(i).marks));
  if (index === undefined) return undefined;
  const mark = type.isInSet(parent.child(index).marks)!;
  let first = index;
  let last = index;
  while (first > 0 && mark.isInSet(parent.child(first - 1).marks)) first--;
  while (last < parent.childCount - 1 && mark.isInSet(parent.child(last + 1).marks)) last++;
  let from = $pos.start();
  for (let i = 0; i < first; i++) from += parent.child(i).nodeSize;
  let to = from;
  for (let i = first; i <= last; i++) to += parent.child(i).nodeSize;
  return { from, to, mark };
}

const currentLink = (state: EditorState) => {
  const { $from, $to, empty } = state.selection;
  const range = linkRange($from, linkType);
  if (!range) return undefined;
  return empty || $to.pos <= range.to ? range : undefined;
};

const entryOf = (mark: Mark): string | undefined => {
  if (mark.attrs.nodeType !== 'entry-hyperlink' || typeof mark.attrs.data !== 'string') return undefined;
  const data = JSON.parse(mark.attrs.data) as { target?: { sys?: { id?: unknown } } };
  return typeof data.target?.sys?.id === 'string' ? data.target.sys.id : undefined;
};

const entryLinkData = (id: string) => JSON.stringify({ target: link('Entry', id) });

/** Puts `mark` on the link's stretch (or the selection); with no text chosen, the address itself becomes the text. */
function applyLink(view: EditorView, attrs: { href: string | null; nodeType: string; data: string | null }, label: string) {
  const { state } = view;
  const range = currentLink(state);
  const { from, to, empty } = state.selection;
  const mark = linkType.create(attrs);
  let tr = state.tr;
  if (range) tr = tr.removeMark(range.from, range.to, linkType).addMark(range.from, range.to, mark);
  else if (!empty) tr = tr.addMark(from, to, mark);
  else {
    tr = tr.insert(from, schema.text(label, [mark]));
    tr = tr.setSelection(TextSelection.create(tr.doc, from + label.length));
  }
  view.dispatch(tr.scrollIntoView());
}

export const removeLink: Command = (state, dispatch) => {
  const range = currentLink(state);
  if (!range) return false;
  dispatch?.(state.tr.removeMark(range.from, range.to, linkType));
  return true;
};

const pluginKey = new PluginKey<{ editing: boolean }>('link-popover');

/** Ctrl+K and the toolbar's Link: opens the link form for the selection or the link under the cursor. */
export const editLink: Command = (state, dispatch) => {
  if (state.selection.empty && !currentLink(state) && !dispatch) return true;
  dispatch?.(state.tr.setMeta(pluginKey, { editing: true }));
  return true;
};

export const linkActive = (state: EditorState) => !!currentLink(state);

export function linkPopover(host: HTMLElement, titles: EntryTitles): Plugin {
  return new Plugin<{ editing: boolean }>({
    key: pluginKey,
    state: {
      init: () => ({ editing: false }),
      apply: (tr, value) => (tr.getMeta(pluginKey) as { editing: boolean } | undefined) ?? (tr.selectionSet || tr.docChanged ? { editing: false } : value),
    },
    view(view) {
      const box = el('div', { class: 'pm-popover', role: 'dialog', 'aria-label': 'Link', hidden: '' });
      host.append(box);
      // What shows next (nothing, or the link's details) is update()'s decision, from the state.
      const close = () => {
        view.dispatch(view.state.tr.setMeta(pluginKey, { editing: false }));
        view.focus();
      };
      const place = () => {
        const at = view.coordsAtPos(view.state.selection.from);
        const frame = host.getBoundingClientRect();
        box.style.left = `${Math.max(0, Math.min(at.left - frame.left, frame.width - 320))}px`;
        box.style.top = `${at.bottom - frame.top + 6}px`;
      };
      const showInfo = (range: NonNullable<ReturnType<typeof currentLink>>) => {
        const entry = entryOf(range.mark);
        const target = entry ? el('span', {}, 'Entry …') : el('a', { href: String(range.mark.attrs.href ?? ''), target: '_blank', rel: 'noopener noreferrer' }, String(range.mark.attrs.href ?? ''));
        if (entry) titles.get(entry, (title) => (target.textContent = `Entry: ${title}`));
        const edit = el('button', { type: 'button' }, 'Edit');
        const remove = el('button', { type: 'button' }, 'Remove');
        edit.addEventListener('click', () => view.dispatch(view.state.tr.setMeta(pluginKey, { editing: true })));
        remove.addEventListener('click', () => {
          removeLink(view.state, view.dispatch);
          close();
        });
        box.replaceChildren(el('span', { class: 'pm-popover-target' }, target), edit, remove);
      };
      const showForm = (range: ReturnType<typeof currentLink>) => {
        const entry = range && entryOf(range.mark);
        const input = el('input', { type: 'url', 'aria-label': 'Link address', placeholder: 'https://…', value: range && !entry ? String(range.mark.attrs.href ?? '') : '' });
        const problem = el('p', { class: 'error-text', role: 'alert' });
        const apply = el('button', { type: 'submit', class: 'primary' }, 'Apply');
        const toEntry = el('button', { type: 'button' }, 'Link to an entry…');
        const cancel = el('button', { type: 'button' }, 'Cancel');
        const form = el('form', { class: 'pm-link-form' }, input, apply, toEntry, cancel, problem);
        form.addEventListener('submit', (e) => {
          e.preventDefault();
          const href = input.value.trim();
          if (!safeAddress.test(href)) {
            problem.textContent = 'Use an address starting with https://, http://, mailto:, tel: or /';
            input.setAttribute('aria-invalid', 'true');
            return input.focus();
          }
          applyLink(view, { href, nodeType: 'hyperlink', data: null }, href);
          close();
        });
        toEntry.addEventListener('click', () => {
          void chooseEntry('Link to an entry').then((id) => {
            if (id) {
              titles.get(id, (title) => {
                applyLink(view, { href: null, nodeType: 'entry-hyperlink', data: entryLinkData(id) }, title);
                close();
              });
            } else view.focus();
          });
        });
        cancel.addEventListener('click', close);
        form.addEventListener('keydown', (e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        });
        box.replaceChildren(form);
        queueMicrotask(() => input.focus());
      };
      let shown = '';
      return {
        update(view) {
          const editing = pluginKey.getState(view.state)?.editing ?? false;
          const range = currentLink(view.state);
          const key = editing ? `edit:${view.state.selection.from}` : range ? `info:${range.from}:${range.to}:${JSON.stringify(range.mark.attrs)}` : '';
          if (key === shown) return;
          shown = key;
          if (!key) {
            box.hidden = true;
            return;
          }
          if (editing) showForm(range);
          else showInfo(range!);
          box.hidden = false;
          place();
        },
        destroy: () => box.remove(),
      };
    },
  });
}
