/**
 * Reference fields (links to entries) and media fields (links to assets) as a search-as-you-type
 * combobox: the server searches every entry of the types the field allows, or every asset of the
 * kinds of file it allows (routes/pickers.ts), each shown with its type and status; Enter or a
 * click links one, Escape closes the list. Linked items are listed with a link to their editor
 * (or media page), Move up / Move down in a list of links, and a Remove button; "Create new <type>" makes a draft of an allowed type,
 * links it at once and opens its editor in a new tab (its title here follows when you come back).
 *
 * The plain select stays as the form's field, hidden: the picker only selects its options and
 * announces a change, so autosave, conflicts and a plain submit work as without the script.
 */
import type { CreatedChoice, EntryChoice, EntryChoices } from '../routes/pickers.js';
import { statusLabels, type Status } from '../status.js';
import { el, postJson } from './dom.js';

const searchDelay = 150;
/** How often an opened editor tab is checked for being closed (milliseconds). */
const tabWatch = 500;

interface CreateType {
  id: string;
  name: string;
}

function createTypesOf(select: HTMLSelectElement): CreateType[] {
  try {
    const list = JSON.parse(select.dataset.createTypes ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((t): t is CreateType => typeof t?.id === 'string' && typeof t?.name === 'string') : [];
  } catch {
    return [];
  }
}

/** What a picker links to: its search, its words, and where a linked item is edited. */
const kinds = {
  entries: { search: '/admin/pickers/entries', one: 'entry', many: 'entries', href: (id: string) => `/admin/entries/${encodeURIComponent(id)}` },
  assets: { search: '/admin/pickers/assets', one: 'asset', many: 'assets', href: (id: string) => `/admin/media/${encodeURIComponent(id)}` },
};
type Kind = (typeof kinds)[keyof typeof kinds];

async function fetchChoices(kind: Kind, params: URLSearchParams): Promise<EntryChoices> {
  const res = await fetch(`${kind.search}?${params}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  return res.ok ? ((await res.json()) as EntryChoices) : { items: [] };
}

const optionLabel = (c: EntryChoice) => `${c.title} (${c.type}) · ${statusLabels[c.status] ?? c.status}`;

export function enhanceLinkPickers(form: HTMLFormElement) {
  const pickers = [...form.querySelectorAll<HTMLSelectElement>('.field[data-field] select[data-link-field]')]
    .filter((s) => !s.closest('fieldset[disabled]'))
    .map((select) => linkPicker(form, select));
  if (!pickers.length) return;
  // Back from another tab (a linked entry's editor): linked entries show their titles and statuses as they are now.
  const refresh = () => {
    if (document.visibilityState === 'visible') for (const p of pickers) void p.refresh();
  };
  document.addEventListener('visibilitychange', refresh);
  window.addEventListener('focus', refresh);
}

function linkPicker(form: HTMLFormElement, select: HTMLSelectElement) {
  const id = select.id;
  const multiple = select.multiple;
  const field = select.dataset.linkField ?? '';
  const kind = select.dataset.linkKind === 'assets' ? kinds.assets : kinds.entries;
  const label = form.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(id)}"]`);
  const name = label?.textContent?.trim() ?? 'this field';
  const box = select.closest<HTMLElement>('.field')!;

  const linked = el('ul', { class: 'link-list', 'aria-label': `Linked to ${name}` });
  const input = el('input', {
    type: 'text',
    id: `${id}-search`,
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': `${id}-options`,
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: `Search ${kind.many} to ${multiple ? 'add' : 'link'}`,
  });
  const described = [select.getAttribute('aria-describedby') ?? '', `${id}-error`].join(' ').trim();
  input.setAttribute('aria-describedby', [...new Set(described.split(/\s+/))].join(' '));
  const listbox = el('ul', { class: 'link-options', role: 'listbox', id: `${id}-options`, 'aria-label': `${kind.many[0]!.toUpperCase()}${kind.many.slice(1)} to link to ${name}`, hidden: '' });
  const status = el('p', { class: 'hint link-status', role: 'status', 'aria-live': 'polite' });
  const creators = createTypesOf(select).map((t) => {
    const b = el('button', { type: 'button', class: 'link-create' }, `+ Create new ${t.name}`);
    b.addEventListener('click', () => void create(t, b));
    return b;
  });

  // How to use the plain select ("Hold Ctrl …") becomes how to use the search.
  box.querySelector(`#${CSS.escape(id)}-hint .kind-hint`)?.replaceChildren('Type to search; the arrow keys move, Enter links, Escape closes.');
  // The script's own "Create new" replaces the buttons that submit the form for it.
  box.querySelector('.link-create-form')?.remove();
  // The combobox takes the label; the select stays the form's field, out of sight and out of the tab order.
  if (label) label.htmlFor = input.id;
  // The order of the links below is the order wanted (orderedMarker in entry-form.ts).
  if (multiple) select.after(el('input', { type: 'hidden', name: `${select.name}.ordered`, value: '1' }));
  select.hidden = true;
  select.tabIndex = -1;
  select.setAttribute('aria-hidden', 'true');
  select.after(
    el('div', { class: 'link-picker' }, linked, el('div', { class: 'link-search' }, input, listbox), creators.length ? el('div', { class: 'actions link-creators' }, ...creators) : '', status),
  );

  let results: EntryChoice[] = [];
  let more = false;
  let page = 1;
  let active = -1;
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const chosen = () => [...select.selectedOptions].filter((o) => o.value !== '');

  const titleOf = (o: HTMLOptionElement) => o.dataset.title ?? o.textContent ?? o.value;

  function showLinked() {
    const links = chosen();
    linked.replaceChildren(
      ...links.map((o, i) => {
        const title = titleOf(o);
        const state = (o.dataset.status ?? '') as Status;
        const remove = el('button', { type: 'button', class: 'link-remove', 'aria-label': `Remove ${title}` }, 'Remove');
        remove.addEventListener('click', () => unlink(o, title));
        // The order of the links is the order the form sends (the options' order), which the entry stores.
        const moves = multiple && links.length > 1 ? [moveButton(o, title, -1, i > 0), moveButton(o, title, 1, i < links.length - 1)] : [];
        return el(
          'li',
          { 'data-id': o.value },
          el('a', { href: kind.href(o.value), target: '_blank', rel: 'noopener' }, title, el('span', { class: 'visually-hidden' }, ' (opens in a new tab)')),
          state ? el('span', { class: `badge ${state}` }, statusLabels[state] ?? state) : '',
          ...moves,
          remove,
        );
      }),
    );
    linked.hidden = linked.childElementCount === 0;
  }

  function moveButton(o: HTMLOptionElement, title: string, by: -1 | 1, enabled: boolean): HTMLButtonElement {
    const label = by < 0 ? 'Move up' : 'Move down';
    const button = el('button', { type: 'button', class: 'link-move', 'data-move': by < 0 ? 'up' : 'down', 'aria-label': `${label}: ${title}` }, by < 0 ? '↑' : '↓') as HTMLButtonElement;
    button.disabled = !enabled;
    button.addEventListener('click', () => move(o, by));
    return button;
  }

  function move(o: HTMLOptionElement, by: -1 | 1) {
    const links = chosen();
    const at = links.indexOf(o);
    const other = links[at + by];
    if (at < 0 || !other) return;
    if (by < 0) other.before(o);
    else other.after(o);
    changed();
    showLinked();
    status.textContent = `Moved ${titleOf(o)} to position ${at + by + 1} of ${links.length}.`;
    // Keep the keyboard where it was: on the same button of the moved link, or its other one at an end.
    const item = linked.querySelector<HTMLElement>(`li[data-id="${CSS.escape(o.value)}"]`);
    const same = item?.querySelector<HTMLButtonElement>(`button[data-move="${by < 0 ? 'up' : 'down'}"]`);
    (same && !same.disabled ? same : item?.querySelector<HTMLButtonElement>('button.link-move:not(:disabled)'))?.focus();
  }

  /** Tells the form (autosave, the unsaved-changes guard) that the field's value changed. */
  const changed = () => select.dispatchEvent(new Event('change', { bubbles: true }));

  function optionFor(c: EntryChoice): HTMLOptionElement {
    let o = [...select.options].find((x) => x.value === c.id);
    if (!o) {
      o = new Option(optionLabel(c), c.id);
      select.append(o);
    }
    o.dataset.title = c.title;
    o.dataset.status = c.status;
    o.textContent = optionLabel(c);
    return o;
  }

  function link(c: EntryChoice) {
    const o = optionFor(c);
    if (multiple && o.selected) {
      status.textContent = `${c.title} is linked already.`;
      return;
    }
    if (multiple) {
      // After the ones already linked: the order in which the form sends them.
      const last = chosen().at(-1);
      if (last && last !== o) last.after(o);
      o.selected = true;
    } else select.value = c.id;
    changed();
    showLinked();
    status.textContent = `Linked ${c.title}.`;
  }

  function unlink(o: HTMLOptionElement, title: string) {
    if (multiple) o.selected = false;
    else select.value = '';
    changed();
    showLinked();
    status.textContent = `Removed ${title}.`;
    input.focus();
  }

  function close() {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function render() {
    const rows = results.map((c, i) => {
      const option = el(
        'li',
        { role: 'option', id: `${id}-option-${i}`, 'aria-selected': String(i === active) },
        el('span', { class: 'link-title' }, c.title),
        el('span', { class: 'sub' }, ` ${c.type} `),
        el('span', { class: `badge ${c.status}` }, statusLabels[c.status] ?? c.status),
      );
      option.addEventListener('mousedown', (e) => e.preventDefault());
      option.addEventListener('click', () => choose(i));
      return option;
    });
    if (more) {
      const next = el('li', { role: 'option', id: `${id}-option-${results.length}`, 'aria-selected': String(active === results.length), class: 'link-more' }, 'Show more…');
      next.addEventListener('mousedown', (e) => e.preventDefault());
      next.addEventListener('click', () => choose(results.length));
      rows.push(next);
    }
    listbox.replaceChildren(...(rows.length ? rows : [el('li', { class: 'hint', role: 'presentation' }, 'No entries match.')]));
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', `${id}-option-${active}`);
      document.getElementById(`${id}-option-${active}`)?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  async function search(nextPage = 1) {
    const mine = ++asked;
    const params = new URLSearchParams({ field, page: String(nextPage) });
    const q = input.value.trim();
    if (q) params.set('q', q);
    const found = await fetchChoices(kind, params);
    if (mine !== asked) return;
    results = nextPage === 1 ? found.items : [...results, ...found.items];
    more = !!found.more;
    page = nextPage;
    if (nextPage === 1) active = results.length ? 0 : -1;
    render();
    status.textContent = results.length ? `${results.length}${more ? '+' : ''} ${results.length === 1 && !more ? kind.one : kind.many} found. Use the arrow keys to move, Enter to link.` : `No ${kind.many} match.`;
  }

  function choose(i: number) {
    if (i === results.length && more) {
      void search(page + 1);
      return;
    }
    const c = results[i];
    if (!c) return;
    link(c);
    input.value = '';
    close();
  }

  async function create(t: CreateType, button: HTMLButtonElement) {
    button.disabled = true;
    // Opened now, while the click counts as the person's own: a tab opened after the answer would be blocked.
    const tab = window.open('', '_blank');
    try {
      const { status: code, data } = await postJson<CreatedChoice & { message?: string }>('/admin/pickers/entries/new', { field, type: t.id });
      if (code !== 201) {
        tab?.close();
        status.textContent = data.message ?? `Could not create a new ${t.name}.`;
        return;
      }
      link(data);
      if (tab) {
        tab.opener = null;
        tab.location.href = data.href;
        status.textContent = `Created a new ${t.name} draft and linked it; its editor opened in a new tab.`;
        // When that tab is closed, the field names the entry as it was left there.
        const watch = setInterval(() => {
          if (!tab.closed) return;
          clearInterval(watch);
          void refresh();
        }, tabWatch);
      } else {
        status.replaceChildren(`Created a new ${t.name} draft and linked it. `, el('a', { href: data.href, target: '_blank', rel: 'noopener' }, 'Edit it in a new tab'));
      }
    } finally {
      button.disabled = false;
    }
  }

  input.addEventListener('input', (e) => {
    // Searching is not editing: autosave and the unsaved-changes guard never hear of it.
    e.stopPropagation();
    clearTimeout(timer);
    timer = setTimeout(() => void search(), searchDelay);
  });
  input.addEventListener('change', (e) => e.stopPropagation());
  input.addEventListener('click', () => {
    if (listbox.hidden) void search();
  });
  input.addEventListener('keydown', (e) => {
    const count = results.length + (more ? 1 : 0);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (listbox.hidden) return void search();
      if (!count) return;
      active = e.key === 'ArrowDown' ? (active + 1) % count : (active - 1 + count) % count;
      render();
    } else if (e.key === 'Enter') {
      // Never submits the form from here.
      e.preventDefault();
      if (!listbox.hidden && active >= 0) choose(active);
    } else if (e.key === 'Escape') {
      if (!listbox.hidden) {
        e.preventDefault();
        close();
      } else input.value = '';
    }
  });
  box.addEventListener('focusout', (e) => {
    if (!box.contains(e.relatedTarget as Node | null)) close();
  });
  // Another script may choose an option (an upload in a media field): the list follows.
  select.addEventListener('change', () => showLinked());
  showLinked();

  async function refresh() {
    const ids = chosen().map((o) => o.value);
    if (!ids.length) return;
    const { items } = await fetchChoices(kind, new URLSearchParams({ ids: ids.join(',') }));
    for (const c of items) optionFor(c);
    showLinked();
  }

  return { refresh };
}
