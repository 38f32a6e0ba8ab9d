/** The live preview beside an editor's form: the page as readers will see it, reloaded by the script after each autosave. */
import { html, type SafeHtml } from '../../site/views/index.js';

/** `src` empty: nothing to show yet (a new document, or a pattern whose fields are still empty). */
export function previewPane(src: string): SafeHtml {
  return html`<section class="panel preview-pane" aria-labelledby="preview-heading">
    <h2 id="preview-heading">Preview</h2>
    <iframe id="preview-frame" title="Live preview" src="${src || 'about:blank'}"${src ? '' : html` hidden`}></iframe>
    <p class="hint" id="preview-note"${src ? html` hidden` : ''}>The preview appears once there is a saved draft with what its address needs.</p>
    <p class="links"><a href="${src || '#preview-heading'}" target="_blank" rel="noopener" id="preview-open"${src ? '' : html` hidden`}>Open the preview<span class="visually-hidden"> (opens in a new tab)</span></a></p>
  </section>`;
}
