/**
 * Uploads from a picker or a drop zone: several files at once, each streamed as its own request
 * body, each with its own progress bar and its own answer (a refusal says which file and why).
 * Used by the media library and by the entry editors' media pickers (`data-field` names the
 * field, so the server applies its mimetype rule to the bytes).
 */
import { csrfToken, el, labelAsButton } from './dom.js';

export interface Uploaded {
  id: string;
  href: string;
  title: string;
  thumb?: string;
}

/** One file over XHR (fetch has no upload progress); resolves with the answer, never rejects. */
export function sendFile(url: string, file: File, onProgress: (pct: number) => void): Promise<{ status: number; data: Uploaded & { message?: string } }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    xhr.setRequestHeader('x-csrf-token', csrfToken());
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    });
    xhr.addEventListener('load', () => {
      let data = {} as Uploaded & { message?: string };
      try {
        data = JSON.parse(xhr.responseText) as typeof data;
      } catch {
        // not JSON: the status says enough
      }
      resolve({ status: xhr.status, data });
    });
    xhr.addEventListener('error', () => resolve({ status: 0, data: { message: 'the connection was lost' } as Uploaded & { message: string } }));
    xhr.send(file);
  });
}

function uploadOne(file: File, url: string, list: HTMLElement): Promise<Uploaded | undefined> {
  const progress = el('progress', { max: '100', value: '0', 'aria-label': `Uploading ${file.name}` });
  const state = el('span', { class: 'upload-state' }, 'Waiting…');
  const row = el('li', {}, el('span', { class: 'upload-name' }, file.name), progress, state);
  list.append(row);
  return sendFile(url, file, (pct) => {
    progress.value = pct;
    state.textContent = `${pct}%`;
  }).then(({ status, data }) => {
    if (status === 201 && data.href) {
      progress.value = 100;
      row.classList.add('done');
      state.replaceChildren(el('a', { href: data.href }, 'Uploaded — add alt text'));
      return data;
    }
    row.classList.add('failed');
    progress.remove();
    state.textContent = data.message ?? `Upload failed (${status}).`;
    state.className = 'error-text';
    return undefined;
  });
}

/**
 * Makes a `[data-upload]` zone work: its file input and drops upload every file given, at
 * most three at a time; `onUploaded` hears each success (a picker adds the new asset).
 */
export function enhanceUpload(zone: HTMLElement, onUploaded?: (asset: Uploaded) => void) {
  const input = zone.querySelector<HTMLInputElement>('[data-upload-input]')!;
  const list = zone.querySelector<HTMLElement>('[data-upload-list]')!;
  const summary = zone.querySelector<HTMLElement>('[data-upload-summary]');
  const url = `/admin/media/upload${zone.dataset.field ? `?field=${encodeURIComponent(zone.dataset.field)}` : ''}`;
  const send = async (files: File[]) => {
    if (files.length === 0) return;
    if (summary) summary.textContent = `Uploading ${files.length} ${files.length === 1 ? 'file' : 'files'}…`;
    const queue = [...files];
    let ok = 0;
    const worker = async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        const done = await uploadOne(file, url, list);
        if (done) {
          ok++;
          onUploaded?.(done);
        }
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    const failed = files.length - ok;
    if (summary) summary.textContent = `${ok} of ${files.length} uploaded${failed ? `; ${failed} refused — see below` : ''}.`;
  };
  input.addEventListener('change', () => {
    void send([...(input.files ?? [])]);
    input.value = '';
  });
  // The label acts as the button: make it reachable and operable by keyboard.
  const label = zone.querySelector<HTMLLabelElement>(`label[for="${input.id}"]`)!;
  labelAsButton(label, input);
  for (const type of ['dragenter', 'dragover']) {
    zone.addEventListener(type, (e) => {
      e.preventDefault();
      zone.classList.add('over');
    });
  }
  for (const type of ['dragleave', 'drop']) zone.addEventListener(type, () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    void send([...((e as DragEvent).dataTransfer?.files ?? [])]);
  });
}
