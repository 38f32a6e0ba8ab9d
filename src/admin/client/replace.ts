/** Replace an asset's file: the new file streams as the body, with progress; the page then shows the new file. Without the script the form posts it. */
import { el, labelAsButton } from './dom.js';
import { sendFile } from './upload.js';

export function enhanceReplace(box: HTMLElement) {
  const input = box.querySelector<HTMLInputElement>('#replace-input')!;
  const state = box.querySelector<HTMLElement>('#replace-state')!;
  const label = box.querySelector<HTMLLabelElement>('label[for="replace-input"]')!;
  labelAsButton(label, input);
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const progress = el('progress', { max: '100', value: '0', 'aria-label': `Uploading ${file.name}` });
    state.className = 'replace-state';
    state.replaceChildren(`Uploading ${file.name}… `, progress);
    const { status, data } = await sendFile(`${box.dataset.action}?version=${box.dataset.version}`, file, (pct) => (progress.value = pct));
    if (status === 200 && data.href) {
      state.textContent = 'Replaced. Loading the new file…';
      location.assign(data.href);
      return;
    }
    state.className = 'replace-state error-text';
    state.textContent = data.message ?? `The file could not be replaced (${status}).`;
  });
}
