/**
 * The hub's only script: search-as-you-type on /search. Without it the form submits as usual;
 * with it, typing fetches the results fragment (`/search?q=…&fragment=1`, the same HTML the
 * page embeds, cached like pages) and swaps it in, keeping the URL in step.
 */
import { createHash } from 'node:crypto';

const source = `(() => {
  const form = document.querySelector('form[data-live-search]');
  const results = document.getElementById('search-results');
  if (!form || !results) return;
  const input = form.querySelector('input[name="q"]');
  let timer = 0;
  let controller;
  const run = async () => {
    const q = input.value.trim();
    controller?.abort();
    controller = new AbortController();
    try {
      const res = await fetch('/search?fragment=1&q=' + encodeURIComponent(q), { signal: controller.signal });
      if (!res.ok) return;
      results.innerHTML = await res.text();
      results.setAttribute('aria-busy', 'false');
      history.replaceState(null, '', q ? '/search?q=' + encodeURIComponent(q) : '/search');
    } catch (e) {
      if (e.name !== 'AbortError') throw e;
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    results.setAttribute('aria-busy', 'true');
    timer = setTimeout(run, 150);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
})();
`;

export const searchScript: string = source.replace(/\n\s*/g, '\n');
const hash = createHash('sha256').update(searchScript).digest('hex').slice(0, 10);
export const searchScriptHref = (): string => `/assets/search.${hash}.js`;
