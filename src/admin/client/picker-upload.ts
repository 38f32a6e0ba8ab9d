/** Upload from a media field's picker: each new asset joins the picker's choices, chosen. */
import { el } from './dom.js';
import { enhanceUpload, type Uploaded } from './upload.js';

function choose(target: HTMLElement, asset: Uploaded) {
  if (target instanceof HTMLSelectElement) {
    if (!target.multiple) for (const o of target.options) o.selected = false;
    target.append(el('option', { value: asset.id }, asset.title));
    target.options[target.options.length - 1]!.selected = true;
    target.dispatchEvent(new Event('change', { bubbles: true }));
    return;
  }
  // A list of radio buttons with thumbnails (the article's featured image).
  const name = target.querySelector<HTMLInputElement>('input[type="radio"]')?.name ?? '';
  const radio = el('input', { type: 'radio', name, value: asset.id });
  const label = el('label', { title: asset.title }, radio, ...(asset.thumb ? [el('img', { src: asset.thumb, alt: '', width: '84', height: '63' })] : []), el('span', { class: 'visually-hidden' }, `${asset.title} (no alt text yet)`));
  target.append(label);
  label.scrollIntoView({ block: 'nearest' });
  radio.checked = true;
  radio.dispatchEvent(new Event('change', { bubbles: true }));
}

export function enhancePickerUploads() {
  for (const zone of document.querySelectorAll<HTMLElement>('[data-upload][data-picker-for]')) {
    const target = document.getElementById(zone.dataset.pickerFor ?? '');
    if (!target) continue;
    zone.hidden = false;
    enhanceUpload(zone, (asset) => choose(target, asset));
  }
}
