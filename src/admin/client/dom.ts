/** Small DOM helpers the editor scripts share. */
export const csrfToken = () => document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

export async function postJson<T>(url: string, body: unknown): Promise<{ status: number; data: T }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrfToken() },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  const data = (await res.json().catch(() => ({}))) as T;
  return { status: res.status, data };
}

/**
 * A file input's label made its button: one keyboard stop that opens the picker. Without the
 * script the native input and a submit button show instead (a form's markup): they step aside.
 */
export function labelAsButton(label: HTMLLabelElement, input: HTMLInputElement) {
  label.hidden = false;
  input.classList.add('visually-hidden');
  const submit = input.parentElement?.querySelector<HTMLButtonElement>('[data-upload-submit]');
  if (submit) submit.hidden = true;
  label.tabIndex = 0;
  label.setAttribute('role', 'button');
  input.tabIndex = -1;
  label.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      input.click();
    }
  });
}
