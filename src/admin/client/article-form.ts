/**
 * The article form: slug from title, and autosave (autosave.ts). A conflict stops autosaving and
 * says so; the text stays on the page.
 */
import { enableAutosave } from './autosave.js';

export const slugify = (title: string) =>
  title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');

function values(form: HTMLFormElement): Record<string, unknown> {
  const data = new FormData(form);
  const out: Record<string, unknown> = {};
  for (const name of ['title', 'slug', 'description', 'body', 'publishDate', 'type', 'featuredImage', 'author']) out[name] = String(data.get(name) ?? '');
  out.topics = data.getAll('topics').map(String);
  return out;
}

export function enhanceArticleForm(form: HTMLFormElement): { changed: () => void } {
  const title = form.querySelector<HTMLInputElement>('#f-title');
  const slug = form.querySelector<HTMLInputElement>('#f-slug');
  if (title && slug) {
    let follow = slug.value === '' || slug.value === slugify(title.value);
    slug.addEventListener('input', () => (follow = slug.value === ''));
    title.addEventListener('input', () => {
      if (follow) slug.value = slugify(title.value);
    });
  }
  const { changed } = enableAutosave({
    form,
    url: () => (form.dataset.id ? `/admin/articles/${form.dataset.id}/autosave` : '/admin/articles/new/autosave'),
    values: () => values(form),
  });
  // Controls of other forms (scheduling) sit inside this one's sidebar: their events are not edits.
  const ours = (e: Event) => (e.target as HTMLInputElement).form === form || (e.target as HTMLElement).closest('.ProseMirror') !== null;
  form.addEventListener('input', (e) => {
    if ((e.target as HTMLElement).closest('.ProseMirror') || !ours(e)) return;
    changed();
  });
  form.addEventListener('change', (e) => {
    if (ours(e)) changed();
  });
  return { changed };
}
