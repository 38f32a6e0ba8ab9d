/**
 * The focal-point picker: click the image (or focus it and use the arrow keys) to move the
 * point; it is saved at once and the previews switch to the new crops' addresses.
 */
import { csrfToken } from './dom.js';

export function enhanceFocalPoint(box: HTMLElement, form: HTMLFormElement) {
  const dot = box.querySelector<HTMLElement>('#focal-dot')!;
  const fx = form.querySelector<HTMLInputElement>('#f-focalX')!;
  const fy = form.querySelector<HTMLInputElement>('#f-focalY')!;
  const version = form.querySelector<HTMLInputElement>('input[name="version"]')!;
  const status = document.createElement('p');
  status.className = 'save-state';
  status.setAttribute('role', 'status');
  box.after(status);
  box.tabIndex = 0;
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', 'Focal point picker: use the arrow keys to move the point');
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Through the CSSOM: the page's CSP allows no style attributes in its HTML. */
  const show = (x: number, y: number) => {
    dot.hidden = false;
    dot.style.left = `${x * 100}%`;
    dot.style.top = `${y * 100}%`;
  };
  if (dot.dataset.x && dot.dataset.y) show(Number(dot.dataset.x), Number(dot.dataset.y));

  const place = (x: number, y: number) => {
    x = Math.min(1, Math.max(0, x));
    y = Math.min(1, Math.max(0, y));
    fx.value = x.toFixed(3);
    fy.value = y.toFixed(3);
    show(x, y);
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };

  async function save() {
    status.textContent = 'Saving focal point…';
    const body = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
    const res = await fetch(form.action, { method: 'POST', body, headers: { accept: 'application/json', 'x-csrf-token': csrfToken() }, credentials: 'same-origin' });
    const data = (await res.json().catch(() => ({}))) as { version?: number; message?: string; image?: string; previews?: string[] };
    if (!res.ok || !data.version) {
      status.textContent = data.message ?? 'Could not save the focal point.';
      return;
    }
    version.value = String(data.version);
    status.textContent = `Focal point saved (${fx.value}, ${fy.value}).`;
    // The focal point is part of every image URL's token (URLs are cached for good): the old
    // addresses now answer 404, so the crops are shown from the new ones the server sent.
    const previews = document.querySelectorAll<HTMLImageElement>('#previews img');
    data.previews?.forEach((src, i) => {
      if (previews[i]) previews[i].src = src;
    });
    const image = box.querySelector<HTMLImageElement>('#focal-image');
    if (image && data.image) image.src = data.image;
  }

  box.addEventListener('click', (e) => {
    const rect = box.querySelector('img')!.getBoundingClientRect();
    place((e.clientX - rect.left) / rect.width, (e.clientY - rect.top) / rect.height);
  });
  box.addEventListener('keydown', (e) => {
    const step = e.shiftKey ? 0.1 : 0.02;
    const x = Number(fx.value || 0.5);
    const y = Number(fy.value || 0.5);
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    place(x + move[0], y + move[1]);
  });
}
