/**
 * Widgets of the generic entry form beyond plain inputs:
 * - slug editor: follows its source field (the title) until edited, as Contentful's does, and
 *   says as you type whether another entry of the type already has the slug;
 * - Markdown: a toolbar (also Ctrl/⌘+B, I, K) and a preview rendered by the server.
 * Changes made here are announced as `input` events, so autosave sees them like typing.
 */
import { slugify } from './article-form.js';
import { el, postJson } from './dom.js';

const announce = (input: HTMLInputElement | HTMLTextAreaElement) => input.dispatchEvent(new Event('input', { bubbles: true }));

export function enhanceSlugFields(form: HTMLFormElement) {
  for (const input of form.querySelectorAll<HTMLInputElement>('input[data-slug]')) {
    const source = input.dataset.slugFrom ? document.getElementById(input.dataset.slugFrom) : null;
    const state = document.getElementById(`${input.id}-slug`);
    const field = input.closest<HTMLElement>('.field')?.dataset.field ?? '';
    let follow = source instanceof HTMLInputElement && (input.value === '' || input.value === slugify(source.value));
    let ours = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let asked = 0;

    const check = async () => {
      const value = input.value.trim();
      const ask = ++asked;
      if (!state) return;
      if (value === '') {
        state.textContent = '';
        state.classList.remove('warning');
        return;
      }
      const params = new URLSearchParams({ type: form.dataset.type ?? '', field, locale: input.dataset.slugLocale ?? '', value, id: form.dataset.id ?? '' });
      const res = await fetch(`/admin/slug-check?${params}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' }).catch(() => undefined);
      const data = res?.ok ? ((await res.json()) as { taken: { id: string; title: string } | null }) : undefined;
      if (ask !== asked || !data) return;
      state.replaceChildren(
        ...(data.taken
          ? ['Already used by ', el('a', { href: `/admin/entries/${encodeURIComponent(data.taken.id)}` }, `“${data.taken.title}”`), '. Choose another slug.']
          : ['No other entry of this type has this slug.']),
      );
      state.classList.toggle('warning', !!data.taken);
    };
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void check(), 300);
    };

    input.addEventListener('input', () => {
      if (!ours) follow = input.value === '';
      later();
    });
    if (source instanceof HTMLInputElement) {
      source.addEventListener('input', () => {
        if (!follow) return;
        ours = true;
        input.value = slugify(source.value);
        announce(input);
        ours = false;
      });
    }
    if (input.value !== '') void check();
  }
}

interface Format {
  label: string;
  key?: string;
  apply: (selected: string) => { text: string; select?: [number, number] };
}

const wrap = (mark: string, placeholder: string) => (s: string) => {
  const inner = s || placeholder;
  return { text: `${mark}${inner}${mark}`, select: [mark.length, mark.length + inner.length] as [number, number] };
};
/** Puts `prefix` before every line of the selection (a numbered list counts up). */
const lines = (prefix: (i: number) => string, placeholder: string) => (s: string) => {
  const text = (s || placeholder)
    .split('\n')
    .map((line, i) => prefix(i) + line)
    .join('\n');
  return { text };
};

const formats: Format[] = [
  { label: 'Bold', key: 'b', apply: wrap('**', 'bold text') },
  { label: 'Italic', key: 'i', apply: wrap('_', 'italic text') },
  { label: 'Heading', apply: lines(() => '## ', 'Heading') },
  {
    label: 'Link',
    key: 'k',
    apply: (s) => {
      const text = s || 'link text';
      return { text: `[${text}](https://)`, select: [text.length + 3, text.length + 11] };
    },
  },
  { label: 'Bulleted list', apply: lines(() => '- ', 'Item') },
  { label: 'Numbered list', apply: lines((i) => `${i + 1}. `, 'Item') },
  { label: 'Quote', apply: lines(() => '> ', 'Quote') },
  { label: 'Code', apply: (s) => (s.includes('\n') ? { text: `\`\`\`\n${s}\n\`\`\`` } : wrap('`', 'code')(s)) },
];

function applyFormat(area: HTMLTextAreaElement, format: Format) {
  const { selectionStart: start, selectionEnd: end } = area;
  const { text, select } = format.apply(area.value.slice(start, end));
  area.setRangeText(text, start, end, 'end');
  if (select) area.setSelectionRange(start + select[0], start + select[1]);
  area.focus();
  announce(area);
}

export function enhanceMarkdownFields(form: HTMLFormElement) {
  for (const host of form.querySelectorAll<HTMLElement>('[data-markdown]')) {
    const area = host.querySelector('textarea');
    if (!area) continue;
    const preview = el('div', { class: 'markdown-preview', id: `${area.id}-preview`, 'aria-live': 'polite' });
    preview.hidden = true;
    const toggle = el('button', { type: 'button', 'aria-pressed': 'false', 'aria-controls': preview.id }, 'Preview');
    const buttons = formats.map((f) => {
      const b = el('button', { type: 'button', title: f.key ? `${f.label} (Ctrl+${f.key.toUpperCase()})` : f.label }, f.label);
      b.addEventListener('click', () => applyFormat(area, f));
      return b;
    });
    const toolbar = el('div', { class: 'toolbar markdown-toolbar', role: 'toolbar', 'aria-label': 'Markdown formatting', 'aria-controls': area.id }, ...buttons, toggle);
    let shown = false;
    let asked = 0;
    const render = async () => {
      const ask = ++asked;
      const { status, data } = await postJson<{ html?: string; message?: string }>('/admin/markdown-preview', { text: area.value });
      if (ask !== asked) return;
      // The server renders with raw HTML off and unsafe link schemes refused (src/admin/markdown.ts).
      if (status === 200 && typeof data.html === 'string') preview.innerHTML = data.html;
      else preview.textContent = data.message ?? 'The preview could not be made.';
    };
    toggle.addEventListener('click', () => {
      shown = !shown;
      toggle.setAttribute('aria-pressed', String(shown));
      toggle.textContent = shown ? 'Edit' : 'Preview';
      preview.hidden = !shown;
      area.hidden = shown;
      for (const b of buttons) b.disabled = shown;
      if (shown) void render();
      else area.focus();
    });
    area.addEventListener('keydown', (e) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const format = formats.find((f) => f.key === e.key.toLowerCase());
      if (!format) return;
      e.preventDefault();
      applyFormat(area, format);
    });
    host.prepend(toolbar);
    host.append(preview);
  }
}
