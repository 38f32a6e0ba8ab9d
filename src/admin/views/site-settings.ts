/** Settings → Site: the hub's name, tagline, logo, navigation topics, social image and language. */
import { html, type SafeHtml } from '../../site/views/index.js';
import { errorSummary, problemFor, textField, type FieldProblem, type Viewer } from './layout.js';
import { hiddenCsrf, noticeOf, renderSettingsPage } from './settings.js';

export interface SiteSettingsFormValues {
  name: string;
  tagline: string;
  language: string;
  logoAssetId: string;
  socialImageAssetId: string;
  navTopicIds: string[];
}

export interface SiteSettingsModel {
  viewer: Viewer;
  csrf: string;
  version: number;
  values: SiteSettingsFormValues;
  images: Array<{ id: string; title: string }>;
  topics: Array<{ id: string; name: string }>;
  navSlots: number;
  problems: FieldProblem[];
  notice?: string | undefined;
}

function choice(opts: { id: string; name: string; label: string; hint: string; value: string; options: Array<{ id: string; title: string }>; problems: FieldProblem[]; field: string }): SafeHtml {
  const errors = problemFor(opts.problems, opts.field);
  return html`<div class="field${errors.length ? ' invalid' : ''}">
  <label for="${opts.id}">${opts.label}</label>
  <p class="hint" id="${opts.id}-hint">${opts.hint}</p>
  <select id="${opts.id}" name="${opts.name}" aria-describedby="${opts.id}-hint${errors.length ? html` ${opts.id}-error` : ''}">
    <option value="">None</option>
    ${opts.options.map((o) => html`<option value="${o.id}"${o.id === opts.value ? html` selected` : ''}>${o.title}</option>`)}
  </select>
  ${errors.length ? html`<p class="error-text" id="${opts.id}-error">${errors.map((e) => e.message).join(' ')}</p>` : ''}
</div>`;
}

export function renderSiteSettings(m: SiteSettingsModel): string {
  const v = m.values;
  const navErrors = problemFor(m.problems, 'nav');
  const slots = Array.from({ length: m.navSlots }, (_, i) => v.navTopicIds[i] ?? '');
  const topicOptions = m.topics.map((t) => ({ id: t.id, title: t.name }));
  const body = html`<section class="panel narrow" aria-labelledby="site-heading">
  <h1 id="site-heading">Site</h1>
  <p>How the public site introduces itself: its header, footer, page titles, feeds and search-engine data.</p>
  ${noticeOf(m.notice)}
  ${errorSummary(m.problems)}
  <form method="post" action="/admin/site" novalidate>
    ${hiddenCsrf(m.csrf)}
    <input type="hidden" name="version" value="${m.version}">
    ${textField({ name: 'name', label: 'Site name', value: v.name, problems: m.problems, required: true, hint: 'Up to 60 characters. Shown in the header, page titles and feeds.' })}
    ${textField({ name: 'tagline', label: 'Tagline', value: v.tagline, problems: m.problems, hint: 'Up to 120 characters, beside the name. Leave empty for none.' })}
    ${choice({ id: 'f-logo', name: 'logo', field: 'logo', label: 'Logo', hint: 'A published image, shown before the name.', value: v.logoAssetId, options: m.images, problems: m.problems })}
    ${choice({ id: 'f-socialImage', name: 'socialImage', field: 'socialImage', label: 'Default social image', hint: 'Shown when a page is shared and has no image of its own.', value: v.socialImageAssetId, options: m.images, problems: m.problems })}
    <fieldset class="checks${navErrors.length ? ' invalid' : ''}" id="f-nav"${navErrors.length ? html` aria-describedby="f-nav-error"` : ''}>
      <legend>Navigation topics, in order</legend>
      <p class="hint">Shown in the header of every page. Leave all empty for no navigation.</p>
      ${navErrors.length ? html`<p class="error-text" id="f-nav-error">${navErrors.map((e) => e.message).join(' ')}</p>` : ''}
      ${slots.map(
        (value, i) => html`<div class="field"><label for="f-nav-${i + 1}">Position ${i + 1}</label><select id="f-nav-${i + 1}" name="nav"><option value="">—</option>${topicOptions.map((o) => html`<option value="${o.id}"${o.id === value ? html` selected` : ''}>${o.title}</option>`)}</select></div>`,
      )}
    </fieldset>
    ${textField({ name: 'language', label: 'Language', value: v.language, problems: m.problems, required: true, hint: 'A language tag such as en, de or pt-BR: for browsers, screen readers and feed readers.' })}
    <div class="actions"><button class="primary" type="submit">Save site settings</button></div>
  </form>
</section>`;
  return renderSettingsPage({ title: 'Site', viewer: m.viewer, csrf: m.csrf, area: 'site', body });
}
