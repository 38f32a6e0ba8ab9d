/** Settings → Site: the hub's name, tagline, logo, navigation topics, social image and language. */
import { html } from '../../site/views/index.js';
import { errorSummary, problemFor, selectField, textField, type FieldProblem, type Viewer } from './layout.js';
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
  images: Array<{ id: string; name: string }>;
  topics: Array<{ id: string; name: string }>;
  navSlots: number;
  problems: FieldProblem[];
  notice?: string | undefined;
}

export function renderSiteSettings(m: SiteSettingsModel): string {
  const v = m.values;
  const navErrors = problemFor(m.problems, 'nav');
  const slots = Array.from({ length: m.navSlots }, (_, i) => v.navTopicIds[i] ?? '');
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
    ${selectField({ name: 'logo', label: 'Logo', hint: 'A published image, shown before the name.', value: v.logoAssetId, options: m.images, problems: m.problems, empty: 'None' })}
    ${selectField({ name: 'socialImage', label: 'Default social image', hint: 'Shown when a page is shared and has no image of its own.', value: v.socialImageAssetId, options: m.images, problems: m.problems, empty: 'None' })}
    <fieldset class="checks${navErrors.length ? ' invalid' : ''}" id="f-nav"${navErrors.length ? html` aria-describedby="f-nav-error"` : ''}>
      <legend>Navigation topics, in order</legend>
      <p class="hint">Shown in the header of every page. Leave all empty for no navigation.</p>
      ${navErrors.length ? html`<p class="error-text" id="f-nav-error">${navErrors.map((e) => e.message).join(' ')}</p>` : ''}
      ${slots.map(
        (value, i) => html`<div class="field"><label for="f-nav-${i + 1}">Position ${i + 1}</label><select id="f-nav-${i + 1}" name="nav"><option value="">—</option>${m.topics.map((o) => html`<option value="${o.id}"${o.id === value ? html` selected` : ''}>${o.name}</option>`)}</select></div>`,
      )}
    </fieldset>
    ${textField({ name: 'language', label: 'Language', value: v.language, problems: m.problems, required: true, hint: 'A language tag such as en, de or pt-BR: for browsers, screen readers and feed readers.' })}
    <div class="actions"><button class="primary" type="submit">Save site settings</button></div>
  </form>
</section>`;
  return renderSettingsPage({ title: 'Site', viewer: m.viewer, csrf: m.csrf, area: 'site', body });
}
