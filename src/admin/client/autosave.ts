/**
 * Autosave for the editor's forms (articles and entries of any type): a debounced JSON save
 * carrying the version the page has. What is valid is stored and what is not comes back to be
 * shown; a new document's draft is made by its first save with something in it; a conflict is
 * handed to the form (or stops autosaving); nothing typed is lost by leaving: the browser asks
 * before unloading, and links inside the editor wait for a pending save or ask first.
 */
import { postJson } from './dom.js';

export interface Problem {
  field: string;
  /** Entries: the locale whose value was refused (none: the form's own). */
  locale?: string;
  message: string;
}

export interface SaveAnswer {
  /** Set when this save made the draft (a new document's first content). */
  id?: string;
  href?: string;
  version?: number;
  problems?: Problem[];
  /** Entries: what would stop publishing (stored all the same), shown beside fields the person edited. */
  checks?: Problem[];
  status?: string;
  message?: string;
  conflict?: boolean;
  /** Conflicts of entries: the latest stored values of the fields shown, by input name. */
  theirs?: Record<string, string[]>;
  /** Where the live preview frame points now. */
  preview?: string;
}

export interface AutosaveOptions {
  form: HTMLFormElement;
  /** The autosave endpoint (it changes once the draft exists). */
  url: () => string;
  values: () => Record<string, unknown>;
  /** Each answer with a version (stored) or problems (nothing stored): the form shows them. */
  onAnswer?: (answer: SaveAnswer, stored: boolean) => void;
  /** A 409: true when the form resolves it (autosave resumes through `resume`); otherwise autosave stops. */
  onConflict?: (answer: SaveAnswer) => boolean;
}

/** Milliseconds of quiet before a save: short enough for the preview to follow within a second. */
const quiet = 400;

const labels: Record<string, string> = { draft: 'Draft', changed: 'Changed', published: 'Published', archived: 'Archived', scheduled: 'Scheduled' };

export function enableAutosave(opts: AutosaveOptions) {
  const { form } = opts;
  const state = document.getElementById('save-state');
  const version = form.querySelector<HTMLInputElement>('input[name="version"]')!;
  const enabled = form.dataset.autosave === 'on';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: Promise<void> | undefined;
  let dirty = false;
  let stopped = false;
  let paused = false;
  /** Something typed that the server does not have yet (pending, refused, or in conflict). */
  let unsaved = false;
  const say = (text: string, alarm = false) => {
    if (!state) return;
    state.textContent = text;
    state.classList.toggle('conflict', alarm);
  };

  function created(id: string, href: string) {
    const old = form.action;
    form.dataset.id = id;
    form.action = href;
    history.replaceState(null, '', href);
    // Links that named the new form (locale switchers) now name the draft.
    for (const a of document.querySelectorAll<HTMLAnchorElement>('main a[href]')) {
      const url = new URL(a.href);
      if (url.href.split('?')[0] !== old.split('?')[0]) continue;
      url.pathname = new URL(href, location.href).pathname;
      url.searchParams.delete('type');
      a.href = url.href;
    }
  }

  function stored(data: SaveAnswer) {
    if (data.id && data.href) created(data.id, data.href);
    version.value = String(data.version);
    // Forms beside this one (restore, unarchive) carry the draft version too: they are not stale.
    for (const other of document.querySelectorAll<HTMLInputElement>('input[data-draft-version]')) other.value = String(data.version);
    const time = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    const refused = !!data.problems?.length;
    if (!dirty && !refused) unsaved = false;
    say(refused ? `Draft saved at ${time} · version ${data.version}, except: ${data.problems!.map((p) => p.message).join(' ')}` : `Draft saved at ${time} · version ${data.version}`, refused);
    for (const badge of document.querySelectorAll('.page-head .badge, #status-heading .badge')) {
      badge.className = `badge ${data.status}`;
      badge.textContent = labels[data.status ?? ''] ?? '';
    }
    const publish = document.getElementById('publish-button');
    if (publish) publish.textContent = data.status === 'changed' ? 'Publish changes' : data.status === 'published' ? 'Publish again' : 'Publish';
    if (data.preview !== undefined) showPreview(data.preview);
  }

  async function save() {
    timer = undefined;
    if (stopped || paused || !dirty) return;
    dirty = false;
    say('Saving…');
    let answer: { status: number; data: SaveAnswer };
    try {
      answer = await postJson<SaveAnswer>(opts.url(), { version: Number(version.value), values: opts.values() });
    } catch {
      dirty = true;
      say('Could not reach the server; your changes are kept here and saved with your next change.', true);
      return;
    }
    const { status, data } = answer;
    if ((status === 200 || status === 201) && data.version) {
      stored(data);
      opts.onAnswer?.(data, true);
    } else if (status === 200) {
      if (!dirty) unsaved = false;
      say(data.message ?? '');
    } else if (status === 409) {
      if (opts.onConflict?.(data)) {
        paused = true;
        say(data.message ?? 'Someone else changed this meanwhile.', true);
      } else {
        stopped = true;
        say(data.message ?? 'Someone else changed this meanwhile.', true);
      }
    } else if (status === 422 && data.problems) {
      say(`Not saved: ${data.message ?? ''}`, true);
      opts.onAnswer?.(data, false);
    } else {
      if (status === 401) stopped = true;
      say(data.message ?? 'Could not save just now; will try again with your next change.', status === 401);
    }
  }

  const run = () => {
    inflight = save().finally(() => (inflight = undefined));
    return inflight;
  };
  const changed = () => {
    unsaved = true;
    if (!enabled || stopped) return;
    dirty = true;
    if (paused) return;
    say('Unsaved changes');
    clearTimeout(timer);
    timer = setTimeout(() => (inflight ? void inflight.then(run) : void run()), quiet);
  };
  /** Saves what is pending now (before leaving), after any save in flight. */
  async function flush() {
    clearTimeout(timer);
    if (inflight) await inflight;
    if (dirty && !paused && !stopped) await run();
  }

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
  // Links in the editor: a pending save is made first; work that cannot be saved (refused, in conflict) asks.
  document.addEventListener('click', (e) => {
    const a = (e.target as HTMLElement).closest?.('a[href]') as HTMLAnchorElement | null;
    if (!a || !unsaved || e.defaultPrevented || a.target === '_blank' || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    if (new URL(a.href).origin !== location.origin || a.getAttribute('href')?.startsWith('#')) return;
    e.preventDefault();
    void flush().then(() => {
      if (!unsaved || confirm('Some of your changes are not saved (see the messages beside the fields). Leave this page anyway?')) {
        unsaved = false;
        location.href = a.href;
      }
    });
  });
  return {
    changed,
    /** After the form resolved a conflict: save again with the version it now has. */
    resume() {
      paused = false;
      if (dirty) changed();
    },
  };
}

/** Points the live preview frame at `src` (a new load each time, so it shows the saved draft). */
export function showPreview(src: string) {
  const frame = document.getElementById('preview-frame') as HTMLIFrameElement | null;
  if (!frame) return;
  const note = document.getElementById('preview-note');
  frame.hidden = src === '';
  if (note) note.hidden = src !== '';
  if (src) frame.src = src;
  const open = document.getElementById('preview-open') as HTMLAnchorElement | null;
  if (open) open.hidden = src === '';
  if (open && src) open.href = src;
}
