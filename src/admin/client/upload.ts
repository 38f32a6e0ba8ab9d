/** Drag-and-drop and file-picker uploads: each file streams as the request body, with progress. */
import { csrfToken, el } from './dom.js';

function upload(file: File, list: HTMLElement) {
  const progress = el('progress', { max: '100', value: '0', 'aria-label': `Uploading ${file.name}` });
  const state = el('span', {}, 'Waiting…');
  list.append(el('li', {}, el('span', {}, file.name), progress, state));
  const xhr = new XMLHttpRequest();
  xhr.open('POST', '/admin/media/upload');
  xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
  xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
  xhr.setRequestHeader('x-csrf-token', csrfToken());
  xhr.setRequestHeader('accept', 'application/json');
  xhr.upload.addEventListener('progress', (e) => {
    if (!e.lengthComputable) return;
    const pct = Math.round((e.loaded / e.total) * 100);
    progress.value = pct;
    state.textContent = `${pct}%`;
  });
  xhr.addEventListener('load', () => {
    let answer: { href?: string; message?: string } = {};
    try {
      answer = JSON.parse(xhr.responseText) as typeof answer;
    } catch {
      // not JSON: keep the status line below
    }
    if (xhr.status === 201 && answer.href) {
      progress.value = 100;
      state.replaceChildren(el('a', { href: answer.href }, 'Uploaded — add alt text'));
    } else {
      state.textContent = answer.message ?? `Upload failed (${xhr.status}).`;
      state.className = 'error-text';
    }
  });
  xhr.addEventListener('error', () => {
    state.textContent = 'Upload failed: the connection was lost.';
    state.className = 'error-text';
  });
  xhr.send(file);
}

export function enhanceUpload(drop: HTMLElement) {
  const input = drop.querySelector<HTMLInputElement>('#upload-input')!;
  const list = drop.querySelector<HTMLElement>('#uploads')!;
  const send = (files: FileList | null) => [...(files ?? [])].forEach((f) => upload(f, list));
  input.addEventListener('change', () => {
    send(input.files);
    input.value = '';
  });
  // The label acts as the button: make it reachable and operable by keyboard.
  const label = drop.querySelector<HTMLLabelElement>('label[for="upload-input"]')!;
  label.tabIndex = 0;
  label.setAttribute('role', 'button');
  label.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      input.click();
    }
  });
  for (const type of ['dragenter', 'dragover']) {
    drop.addEventListener(type, (e) => {
      e.preventDefault();
      drop.classList.add('over');
    });
  }
  for (const type of ['dragleave', 'drop']) drop.addEventListener(type, () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    send((e as DragEvent).dataTransfer?.files ?? null);
  });
}
