/**
 * A search box over each long link picker (entries, assets) of the entry editor: typing narrows the options to
 * those whose label (title, type, status) holds every word typed. Chosen options always stay
 * in view, so filtering never hides (or drops) what the field holds.
 */
import { el } from './dom.js';

/** Pickers shorter than this are read at a glance; no box. */
const minOptions = 8;

export function enhancePickerFilters(form: HTMLFormElement) {
  for (const select of form.querySelectorAll<HTMLSelectElement>('.field[data-field] select[data-link-picker]')) {
    // Reference fields searched on the server (link-picker.ts) hide their select: nothing to filter.
    if (select.options.length < minOptions || select.hidden) continue;
    const label = form.querySelector(`label[for="${CSS.escape(select.id)}"]`)?.textContent?.trim() ?? 'the choices';
    const box = el('input', { type: 'search', class: 'picker-filter', 'aria-label': `Filter ${label}`, 'aria-controls': select.id, placeholder: 'Type to filter' });
    const count = el('span', { class: 'hint', 'aria-live': 'polite' });
    box.addEventListener('input', (e) => {
      // Filtering is not editing: autosave and the unsaved-changes guard never hear of it.
      e.stopPropagation();
      const words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const option of select.options) {
        const text = option.textContent?.toLowerCase() ?? '';
        option.hidden = !option.selected && option.value !== '' && !words.every((w) => text.includes(w));
        if (!option.hidden && option.value !== '') shown++;
      }
      count.textContent = words.length ? `${shown} shown` : '';
    });
    // The box is not a field of the form: Enter in it must not submit.
    box.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') e.preventDefault();
    });
    select.before(el('div', { class: 'picker-filter-row' }, box, count));
  }
}
