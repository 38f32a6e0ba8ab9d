/** The body editor's dialogs: pick an image from the library, or an entry by searching. */
import { el } from './dom.js';

// The pickers' answers, as the server sends them (a type-only import: nothing of the route is bundled).
import type { EntryChoice, ImageChoice } from '../routes/pickers.js';

export type { EntryChoice, ImageChoice };

/** A modal dialog that resolves with the value it was closed with ('' when cancelled). */
function modal(title: string, id: string, build: (close: (value: string) => void) => Node[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    const dialog = el('dialog', { 'aria-labelledby': id, class: 'panel' });
    const close = (value: string) => dialog.close(value);
    const cancel = el('button', { type: 'button' }, 'Cancel');
    cancel.addEventListener('click', () => close(''));
    dialog.append(el('h2', { id }, title), ...build(close), el('p', {}, cancel));
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue || undefined);
      dialog.remove();
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** A small dialog listing the media library's images (the page's, or the newest); resolves with the chosen id. */
export async function chooseImage(given: ImageChoice[] | undefined): Promise<string | undefined> {
  const images = given ?? (await searchImages({}));
  return modal('Insert an image', 'image-dialog-title', (close) => {
    if (!images.length) return [el('p', {}, 'The media library has no images yet.')];
    const list = el('div', { class: 'picker', role: 'list' });
    for (const image of images) {
      const b = el('button', { type: 'button', role: 'listitem', title: image.title }, el('img', { src: image.thumb, alt: '' }), el('span', { class: 'visually-hidden' }, image.title));
      b.addEventListener('click', () => close(image.id));
      list.append(b);
    }
    return [list];
  });
}

async function search<T>(what: 'entries' | 'images', query: { q?: string; ids?: string[] }): Promise<T[]> {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.ids) params.set('ids', query.ids.join(','));
  const res = await fetch(`/admin/pickers/${what}?${params}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (!res.ok) return [];
  return ((await res.json()) as { items: T[] }).items;
}

export const searchEntries = (query: { q?: string; ids?: string[] }) => search<EntryChoice>('entries', query);
export const searchImages = (query: { q?: string; ids?: string[] }) => search<ImageChoice>('images', query);

/** Search entries by words as you type and pick one; resolves with its id. */
export function chooseEntry(title: string): Promise<string | undefined> {
  return modal(title, 'entry-dialog-title', (close) => {
    const input = el('input', { type: 'search', 'aria-label': 'Search entries', placeholder: 'Search by title or words', autocomplete: 'off' });
    const results = el('ul', { class: 'entry-choices', 'aria-live': 'polite' });
    let asked = 0;
    const show = async () => {
      const mine = ++asked;
      const items = await searchEntries({ q: input.value.trim() });
      if (mine !== asked) return;
      results.replaceChildren(
        ...(items.length
          ? items.map((item) => {
              const b = el('button', { type: 'button', class: 'entry-choice' }, el('strong', {}, item.title), el('span', { class: 'sub' }, ` ${item.type} · ${item.status}`));
              b.addEventListener('click', () => close(item.id));
              return el('li', {}, b);
            })
          : [el('li', { class: 'hint' }, 'No entries match.')]),
      );
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => void show(), 150);
    });
    void show();
    queueMicrotask(() => input.focus());
    return [input, results];
  });
}
