/** The editor's progressive JavaScript: each page works without it; this makes it nicer. */
import { enhanceArticleForm } from './article-form.js';
import { enhanceEntryForm } from './entry-form.js';
import { enhanceMarkdownFields, enhanceSlugFields } from './field-widgets.js';
import { enhanceFocalPoint } from './focal-point.js';
import { enhanceLinkPickers } from './link-picker.js';
import { enhancePickerFilters } from './picker-filter.js';
import { enhanceSchedule, localizeTimes } from './schedule.js';
import { enhancePickerUploads } from './picker-upload.js';
import { enhanceReplace } from './replace.js';
import { enhanceUpload } from './upload.js';

/**
 * RichText fields of the generic editor: the rich text editor over each field's JSON text area,
 * which it keeps up to date and announces as typed input, so autosave sees the change. A value
 * that is not a RichText document stays in the text area, to be fixed as JSON.
 */
function mountRichTextFields(form: HTMLFormElement) {
  const hosts = [...form.querySelectorAll<HTMLElement>('[data-rich-text]')];
  if (!hosts.length) return;
  void import('./editor.js').then(({ mountEditor, isEditableRichText }) => {
    for (const host of hosts) {
      const area = host.querySelector('textarea');
      if (!area || !isEditableRichText(area.value)) continue;
      mountEditor(host, area, () => area.dispatchEvent(new Event('input', { bubbles: true })));
    }
  });
}

function start() {
  const summary = document.getElementById('error-summary');
  summary?.focus();

  const articleForm = document.querySelector<HTMLFormElement>('#article-form');
  if (articleForm) {
    const { changed } = enhanceArticleForm(articleForm);
    const host = document.getElementById('body-editor');
    const input = articleForm.querySelector<HTMLInputElement>('input[name="body"]');
    // ProseMirror is most of the code: only the article page loads it.
    if (host && input && articleForm.dataset.autosave === 'on') void import('./editor.js').then(({ mountEditor }) => mountEditor(host, input, changed));
  }
  const entryForm = document.querySelector<HTMLFormElement>('#entry-form');
  if (entryForm) {
    enhanceEntryForm(entryForm);
    enhanceLinkPickers(entryForm);
    enhancePickerFilters(entryForm);
    enhanceSlugFields(entryForm);
    enhanceMarkdownFields(entryForm);
    mountRichTextFields(entryForm);
  }
  localizeTimes();
  const scheduleForm = document.querySelector<HTMLFormElement>('#schedule-form');
  if (scheduleForm) enhanceSchedule(scheduleForm);
  const drop = document.getElementById('drop');
  if (drop) enhanceUpload(drop);
  enhancePickerUploads();
  const replace = document.getElementById('replace');
  if (replace) enhanceReplace(replace);
  const focal = document.getElementById('focal');
  const assetForm = document.querySelector<HTMLFormElement>('#asset-form');
  if (focal && assetForm && assetForm.querySelector('#f-focalX') && !assetForm.querySelector('fieldset[disabled]')) enhanceFocalPoint(focal, assetForm);
  const newToken = document.getElementById('new-token');
  newToken?.focus();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
