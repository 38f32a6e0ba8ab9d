/**
 * The article form: slug from title, and autosave — a debounced JSON save carrying the version
 * the page started from. A conflict stops autosaving and says so; the text stays on the page.
 */
import { postJson } from './dom.js';

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

interface SaveAnswer {
  /** Set when this save made the draft (a new article's first content). */
  id?: string;
  href?: string;
  version?: number;
  problems?: Array<{ field: string; message: string }>;
  status?: string;
  message?: string;
  conflict?: boolean;
}

const labels: Record<string, string> = { draft: 'Draft', changed: 'Changed', published: 'Published', archived: 'Archived', scheduled: 'Scheduled' };

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

  const state = document.getElementById('save-state');
  const version = form.querySelector<HTMLInputElement>('input[name="version"]')!;
  const enabled = form.dataset.autosave === 'on';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: Promise<void> | undefined;
  let dirty = false;
  let stopped = false;
  /** Something typed that the server does not have yet (pending, refused, or in conflict). */
  let unsaved = false;
  const say = (text: string, conflict = false) => {
    if (!state) return;
    state.textContent = text;
    state.classList.toggle('conflict', conflict);
  };

  async function save() {
    timer = undefined;
    if (stopped || !dirty) return;
    dirty = false;
    say('Saving…');
    const url = form.dataset.id ? `/admin/articles/${form.dataset.id}/autosave` : '/admin/articles/new/autosave';
    const { status, data } = await postJson<SaveAnswer>(url, { version: Number(version.value), values: values(form) });
    if ((status === 200 || status === 201) && data.version) {
      if (data.id && data.href) {
        // The draft exists now: later saves go to it, and a reload opens it.
        form.dataset.id = data.id;
        form.action = data.href;
        history.replaceState(null, '', data.href);
      }
      version.value = String(data.version);
      // Restore forms carry the draft version too: a restore after an autosave is not stale.
      for (const other of document.querySelectorAll<HTMLInputElement>('input[data-draft-version]')) other.value = String(data.version);
      const time = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
      // Part of it may have been refused (a taken slug): the rest is saved, the refusal shown.
      if (!dirty && !data.problems?.length) unsaved = false;
      say(data.problems?.length ? `Draft saved at ${time} · version ${data.version}, except: ${data.problems.map((p) => p.message).join(' ')}` : `Draft saved at ${time} · version ${data.version}`, !!data.problems?.length);
      for (const badge of document.querySelectorAll('.page-head .badge, #status-heading .badge')) {
        badge.className = `badge ${data.status}`;
        badge.textContent = labels[data.status ?? ''] ?? '';
      }
      const publish = document.getElementById('publish-button');
      if (publish) publish.textContent = data.status === 'changed' ? 'Publish changes' : data.status === 'published' ? 'Publish again' : 'Publish';
    } else if (status === 409) {
      stopped = true;
      say(data.message ?? 'Someone else changed this article.', true);
    } else {
      if (status === 401) stopped = true;
      say(data.message ?? 'Could not save just now; will try again with your next change.', status === 401);
    }
  }

  const run = () => {
    inflight = save().finally(() => (inflight = undefined));
  };
  const changed = () => {
    unsaved = true;
    if (!enabled || stopped) return;
    dirty = true;
    say('Unsaved changes');
    clearTimeout(timer);
    timer = setTimeout(() => (inflight ? void inflight.then(run) : run()), 1200);
  };
  // Controls of other forms (scheduling) sit inside this one's sidebar: their events are not edits.
  const ours = (e: Event) => (e.target as HTMLInputElement).form === form || (e.target as HTMLElement).closest('.ProseMirror') !== null;
  form.addEventListener('input', (e) => {
    if ((e.target as HTMLElement).closest('.ProseMirror') || !ours(e)) return;
    changed();
  });
  form.addEventListener('change', (e) => {
    if (ours(e)) changed();
  });
  // Plain submits (Save, Publish) wait for an autosave in flight, so they carry its version.
  form.addEventListener('submit', (e) => {
    clearTimeout(timer);
    stopped = true;
    unsaved = false;
    if (inflight) {
      e.preventDefault();
      const submitter = (e as SubmitEvent).submitter as HTMLButtonElement | null;
      void inflight.then(() => form.requestSubmit(submitter ?? undefined));
    }
  });
  // Leaving with unsaved work asks first (the browser words the question).
  window.addEventListener('beforeunload', (e) => {
    if (unsaved) e.preventDefault();
  });
  return { changed };
}
