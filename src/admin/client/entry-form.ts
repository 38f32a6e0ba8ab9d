/**
 * The generic entry form: autosave (autosave.ts) of every input the form has, refusals shown
 * beside their fields as they come back (in the API's words), and conflicts resolved per field.
 *
 * Each field's inputs sit in a `.field[data-field][data-locale]` box. The form remembers, per
 * box, what the server has (`base`). When someone else saved meanwhile, the server sends its
 * latest values (`theirs`): a box only they changed takes theirs, one only this person changed
 * keeps theirs… and one both changed shows both values and asks. Nothing is lost either way:
 * theirs stays stored until the person chooses, and what they typed stays in the box.
 */
import { enableAutosave, type Problem, type SaveAnswer } from './autosave.js';
import { el } from './dom.js';

type Values = Record<string, string[]>;

const fieldBoxes = (form: HTMLFormElement) => [...form.querySelectorAll<HTMLElement>('.field[data-field][data-locale]')];
const boxKey = (box: HTMLElement) => `${box.dataset.locale}\u0000${box.dataset.field}`;
const controls = (box: HTMLElement) =>
  [...box.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input[name], select[name], textarea[name]')].filter((c) => !c.name.endsWith('.shown') && !c.name.endsWith('.ordered'));

/** A box's inputs as name → values, as the form would send them (unchecked boxes send nothing). */
function read(box: HTMLElement): Values {
  const out: Values = {};
  for (const c of controls(box)) {
    const list = (out[c.name] ??= []);
    if (c instanceof HTMLInputElement && (c.type === 'radio' || c.type === 'checkbox')) {
      if (c.checked) list.push(c.value);
    } else if (c instanceof HTMLSelectElement) list.push(...[...c.selectedOptions].map((o) => o.value));
    else list.push(c.value);
  }
  return out;
}

function write(box: HTMLElement, values: Values) {
  for (const c of controls(box)) {
    const want = values[c.name] ?? [];
    if (c instanceof HTMLInputElement && (c.type === 'radio' || c.type === 'checkbox')) c.checked = want.includes(c.value);
    else if (c instanceof HTMLSelectElement) for (const o of c.options) o.selected = want.includes(o.value);
    else c.value = want[0] ?? '';
  }
}

/** Order and empty inputs do not make a difference: the server compares values, not keystrokes. */
const same = (a: Values, b: Values) => {
  const norm = (v: Values) => JSON.stringify(Object.keys(v).sort().map((k) => [k, v[k]!.filter((x) => x !== '').sort()]));
  return norm(a) === norm(b);
};
const only = (all: Values, like: Values): Values => Object.fromEntries(Object.keys(like).map((k) => [k, all[k] ?? []]));
const shown = (v: Values) => Object.values(v).flat().filter(Boolean).join(', ') || '(empty)';

export function enhanceEntryForm(form: HTMLFormElement) {
  const primary = form.querySelector<HTMLInputElement>('input[name="locale"]')?.value ?? '';
  const version = form.querySelector<HTMLInputElement>('input[name="version"]')!;
  /** What the server has, per box; and what the save in flight sent. */
  const base = new Map(fieldBoxes(form).map((b) => [boxKey(b), read(b)]));
  let sending = new Map<string, Values>();
  const open = new Set<string>();

  function values() {
    sending = new Map(fieldBoxes(form).map((b) => [boxKey(b), read(b)]));
    const out: Record<string, string | string[]> = {};
    for (const [name, value] of new FormData(form)) {
      if (name === '_csrf' || typeof value !== 'string') continue;
      const had = out[name];
      out[name] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
    }
    return out;
  }

  /** Boxes the person edited here: the publishing rules are shown for these as they type, not for untouched ones. */
  const touched = new Set<string>();
  let checks: Problem[] = [];

  function showProblems(problems: Problem[]) {
    for (const box of fieldBoxes(form)) {
      const about = (p: Problem) => p.field === box.dataset.field && (p.locale ?? primary) === box.dataset.locale;
      const mine = [...problems.filter(about), ...(touched.has(boxKey(box)) ? checks.filter(about) : [])];
      const text = box.querySelector<HTMLElement>('.error-text');
      if (!text) continue;
      text.textContent = mine.map((p) => p.message).join(' ');
      text.hidden = mine.length === 0;
      box.classList.toggle('invalid', mine.length > 0);
      for (const c of controls(box)) {
        const ids = (c.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== text.id);
        if (mine.length) ids.push(text.id);
        if (ids.length) c.setAttribute('aria-describedby', ids.join(' '));
        else c.removeAttribute('aria-describedby');
      }
    }
  }

  const autosave = enableAutosave({
    form,
    url: () => (form.dataset.id ? `/admin/entries/${form.dataset.id}/autosave` : `/admin/entries/new/autosave?type=${encodeURIComponent(form.dataset.type ?? '')}`),
    values,
    onAnswer(answer, stored) {
      const problems = answer.problems ?? [];
      if (stored) checks = answer.checks ?? [];
      showProblems(problems);
      if (!stored) return;
      const refused = new Set(problems.map((p) => `${p.locale ?? primary}\u0000${p.field}`));
      for (const [key, sent] of sending) if (!refused.has(key)) base.set(key, sent);
    },
    onConflict: (answer) => (answer.theirs ? resolve(answer) : false),
  });

  function resolve(answer: SaveAnswer): boolean {
    version.value = String(answer.version);
    for (const box of fieldBoxes(form)) {
      const key = boxKey(box);
      const mine = read(box);
      const theirs = only(answer.theirs!, mine);
      const before = base.get(key) ?? mine;
      base.set(key, theirs);
      if (same(mine, theirs) || open.has(key)) continue;
      if (same(mine, before)) write(box, theirs);
      else if (!same(theirs, before)) ask(box, key, mine, theirs);
    }
    // Autosave pauses on a conflict (after this returns): with nothing left to ask, it saves again at once.
    if (open.size === 0)
      queueMicrotask(() => {
        autosave.resume();
        autosave.changed();
      });
    return true;
  }

  function ask(box: HTMLElement, key: string, mine: Values, theirs: Values) {
    open.add(key);
    const name = box.querySelector('label, .label')?.textContent?.trim() ?? box.dataset.field ?? '';
    const choose = (take: boolean) => {
      if (take) write(box, theirs);
      panel.remove();
      open.delete(key);
      box.classList.remove('in-conflict');
      // Theirs is what the server has now: keeping mine is a change to save, taking theirs is not.
      autosave.changed();
      if (open.size === 0) autosave.resume();
    };
    const keep = el('button', { type: 'button', class: 'primary' }, 'Keep mine');
    const take = el('button', { type: 'button' }, 'Take theirs');
    keep.addEventListener('click', () => choose(false));
    take.addEventListener('click', () => choose(true));
    const panel = el(
      'div',
      { class: 'conflict-compare', role: 'group', 'aria-label': `Two versions of ${name}` },
      el('p', {}, el('strong', {}, 'Someone else saved another value meanwhile.'), ' Choose which one to keep:'),
      el('dl', {}, el('dt', {}, 'Theirs (saved)'), el('dd', { class: 'theirs' }, shown(theirs)), el('dt', {}, 'Yours (not saved yet)'), el('dd', { class: 'mine' }, shown(mine))),
      el('div', { class: 'actions' }, keep, take),
    );
    box.classList.add('in-conflict');
    box.append(panel);
  }

  const heading = document.querySelector('.page-head h1');
  const edited = (e: Event) => {
    const box = (e.target as HTMLElement).closest<HTMLElement>('.field[data-field][data-locale]');
    if (box) touched.add(boxKey(box));
    // The heading names the entry by its display field, as the lists do.
    if (box && heading && box.dataset.field === form.dataset.displayField && box.dataset.locale === primary) {
      heading.textContent = (e.target as HTMLInputElement).value.trim() || form.dataset.untitled || '';
    }
    autosave.changed();
  };
  form.addEventListener('input', edited);
  form.addEventListener('change', edited);
}
