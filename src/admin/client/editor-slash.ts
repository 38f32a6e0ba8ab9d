/**
 * Slash commands: "/" at the start of an empty line opens a menu of blocks to insert (headings,
 * lists, table, image, entry …), filtered by what follows the slash. Arrow keys move, Enter
 * inserts, Escape closes and leaves the text as typed.
 */
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { el } from './dom.js';

export interface SlashCommand {
  label: string;
  /** More words the filter matches ("h2", "title" …). */
  keywords: string;
  run(view: EditorView): void;
}

interface SlashState {
  /** Where the slash is, and the words typed after it. */
  from: number;
  query: string;
  chosen: number;
}

const key = new PluginKey<SlashState | null>('slash');
const triggered = (state: EditorState): Omit<SlashState, 'chosen'> | null => {
  const { $from, empty } = state.selection;
  if (!empty || $from.parent.type.name !== 'paragraph') return null;
  const before = $from.parent.textBetween(0, $from.parentOffset, undefined, '\ufffc');
  const match = /^\/([\w -]{0,30})$/.exec(before);
  return match ? { from: $from.start(), query: match[1]!.trim().toLowerCase() } : null;
};

export function slashCommands(host: HTMLElement, commands: () => SlashCommand[]): Plugin {
  let dismissedAt = -1;
  const matching = (query: string) => commands().filter((c) => `${c.label} ${c.keywords}`.toLowerCase().includes(query));
  return new Plugin<SlashState | null>({
    key,
    state: {
      init: () => null,
      apply(tr, previous, _old, state) {
        const moved = tr.getMeta(key) as { chosen?: number; dismiss?: boolean } | undefined;
        const found = triggered(state);
        // Escape leaves the slash as typed: this line's menu stays shut until the slash goes.
        if (moved?.dismiss && found) dismissedAt = found.from;
        if (!found) dismissedAt = -1;
        if (!found || dismissedAt === found.from) return null;
        const count = matching(found.query).length;
        const chosen = moved?.chosen ?? (previous && previous.query === found.query ? previous.chosen : 0);
        return { ...found, chosen: count ? ((chosen % count) + count) % count : 0 };
      },
    },
    props: {
      handleKeyDown(view, event) {
        const open = key.getState(view.state);
        if (!open) return false;
        const items = matching(open.query);
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          view.dispatch(view.state.tr.setMeta(key, { chosen: open.chosen + (event.key === 'ArrowDown' ? 1 : -1) }));
          return true;
        }
        if (event.key === 'Escape') {
          view.dispatch(view.state.tr.setMeta(key, { dismiss: true }));
          return true;
        }
        if ((event.key === 'Enter' || event.key === 'Tab') && items[open.chosen]) {
          run(view, open, items[open.chosen]!);
          return true;
        }
        return false;
      },
    },
    view(view) {
      const menu = el('ul', { class: 'pm-slash', role: 'listbox', 'aria-label': 'Insert a block', hidden: '' });
      host.append(menu);
      return {
        update(view) {
          const open = key.getState(view.state);
          const items = open ? matching(open.query) : [];
          menu.hidden = !open;
          if (!open) return view.dom.removeAttribute('aria-activedescendant');
          menu.replaceChildren(
            ...(items.length
              ? items.map((item, i) => {
                  const option = el('li', { role: 'option', id: `slash-${i}`, 'aria-selected': String(i === open.chosen) }, item.label);
                  option.addEventListener('mousedown', (e) => {
                    e.preventDefault();
                    run(view, open, item);
                  });
                  return option;
                })
              : [el('li', { class: 'hint' }, 'Nothing matches')]),
          );
          if (items.length) view.dom.setAttribute('aria-activedescendant', `slash-${open.chosen}`);
          const at = view.coordsAtPos(open.from);
          const frame = host.getBoundingClientRect();
          menu.style.left = `${at.left - frame.left}px`;
          menu.style.top = `${at.bottom - frame.top + 4}px`;
        },
        destroy: () => menu.remove(),
      };
    },
  });
}

/** Removes the typed "/words", then inserts the block. */
function run(view: EditorView, open: SlashState, command: SlashCommand) {
  view.dispatch(view.state.tr.delete(open.from, view.state.selection.from));
  command.run(view);
  view.focus();
}
