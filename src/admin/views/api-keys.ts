/** Delivery API keys: the list, the one-time token page after creating one, and the edit form. */
import { html } from '../../site/views/index.js';
import { errorSummary, textField, type FieldProblem, type Viewer } from './layout.js';
import { day, hiddenCsrf, noticeOf, renderSettingsPage } from './settings.js';

export interface ApiKeyRow {
  id: string;
  name: string;
  description: string;
  createdAt: string;
}

export interface ApiKeyValues {
  name: string;
  description: string;
}

/** Where the SDKs reach this Folio, from its public URL (CONTRACT.md's client settings). */
export interface ClientSettings {
  space: string;
  host: string;
  insecure: boolean;
}

export interface ApiKeysModel {
  viewer: Viewer;
  csrf: string;
  keys: ApiKeyRow[];
  problems: FieldProblem[];
  values: ApiKeyValues;
  notice?: string | undefined;
}

export function renderApiKeys(m: ApiKeysModel): string {
  return renderSettingsPage({
    title: 'API keys',
    viewer: m.viewer,
    csrf: m.csrf,
    area: 'api-keys',
    body: html`<div class="page-head"><h1>API keys</h1></div>
<p class="hint measure">Each key gives a website or app read access to published content (Content Delivery API) and, with its paired preview token, to drafts (Content Preview API). Tokens are shown once, when the key is created.</p>
${errorSummary(m.problems)}
${noticeOf(m.notice)}
${m.keys.length === 0
  ? html`<div class="panel empty">There are no API keys yet.</div>`
  : html`<div class="table-wrap"><table class="stack">
  <caption class="visually-hidden">Delivery API keys</caption>
  <thead><tr><th scope="col">Name</th><th scope="col">Description</th><th scope="col">Created</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
  <tbody>
  ${m.keys.map(
    (k) => html`<tr>
    <td class="title"><a href="/admin/api-keys/${k.id}">${k.name}</a></td>
    <td data-label="Description">${k.description || html`<span class="muted">—</span>`}</td>
    <td data-label="Created">${day(k.createdAt)}</td>
    <td><div class="actions"><a class="button" href="/admin/api-keys/${k.id}">Edit<span class="visually-hidden"> ${k.name}</span></a><a class="button danger" href="/admin/api-keys/${k.id}/delete">Delete<span class="visually-hidden"> ${k.name}</span></a></div></td>
  </tr>`,
  )}
  </tbody>
</table></div>`}
<section class="panel narrow" aria-labelledby="new-heading">
  <h2 id="new-heading">New API key</h2>
  <form method="post" action="/admin/api-keys" novalidate>
    ${hiddenCsrf(m.csrf)}
    ${textField({ name: 'name', label: 'Name', value: m.values.name, problems: m.problems, hint: 'Who uses it, e.g. “Website” or “iOS app”.' })}
    ${textField({ name: 'description', label: 'Description (optional)', value: m.values.description, problems: m.problems, textarea: true })}
    <button class="primary" type="submit">Create API key</button>
  </form>
</section>`,
  });
}

export interface ApiKeyCreatedModel {
  viewer: Viewer;
  csrf: string;
  name: string;
  id: string;
  accessToken: string;
  previewToken: string;
  client: ClientSettings;
}

const js = (value: string | boolean) => (typeof value === 'boolean' ? String(value) : `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);

/** The `contentful` client settings for this key, ready to paste. */
export function clientSnippet(c: ClientSettings, token: string, basePath: 'delivery' | 'preview'): string {
  const lines = [`space: ${js(c.space)}`, `accessToken: ${js(token)}`, `host: ${js(c.host)}`, ...(c.insecure ? ['insecure: true'] : []), `basePath: ${js(basePath)}`];
  return `import * as contentful from 'contentful';\n\nconst client = contentful.createClient({\n${lines.map((l) => `  ${l},`).join('\n')}\n});`;
}

export function renderApiKeyCreated(m: ApiKeyCreatedModel): string {
  return renderSettingsPage({
    title: `API key “${m.name}” created`,
    viewer: m.viewer,
    csrf: m.csrf,
    area: 'api-keys',
    body: html`<div class="page-head"><h1>API key “${m.name}” created</h1><a class="button" href="/admin/api-keys">Back to API keys</a></div>
<div class="notice secret-once" role="status" tabindex="-1" id="new-key"><strong>Copy these tokens now.</strong> Folio keeps only their hashes: they are shown on this page once and never again.</div>
<div class="split">
  <section class="panel" aria-labelledby="delivery-heading">
    <h2 id="delivery-heading">Content Delivery API</h2>
    <p class="hint">Published content. Token:</p>
    <code class="token-once" id="delivery-token">${m.accessToken}</code>
    <p class="hint">Settings for the <code>contentful</code> client:</p>
    <pre class="snippet" tabindex="0" aria-label="Delivery client settings"><code>${clientSnippet(m.client, m.accessToken, 'delivery')}</code></pre>
  </section>
  <section class="panel" aria-labelledby="preview-heading">
    <h2 id="preview-heading">Content Preview API</h2>
    <p class="hint">Drafts as well as published content. Token:</p>
    <code class="token-once" id="preview-token">${m.previewToken}</code>
    <p class="hint">Settings for the <code>contentful</code> client:</p>
    <pre class="snippet" tabindex="0" aria-label="Preview client settings"><code>${clientSnippet(m.client, m.previewToken, 'preview')}</code></pre>
  </section>
</div>
<p class="spaced"><a href="/admin/api-keys/${m.id}">Edit the name or description</a></p>`,
  });
}

export interface ApiKeyEditModel {
  viewer: Viewer;
  csrf: string;
  id: string;
  version: number;
  createdAt: string;
  environments: string[];
  values: ApiKeyValues;
  problems: FieldProblem[];
  client: ClientSettings;
  notice?: string | undefined;
}

export function renderApiKeyEdit(m: ApiKeyEditModel): string {
  return renderSettingsPage({
    title: `API key ${m.values.name}`,
    viewer: m.viewer,
    csrf: m.csrf,
    area: 'api-keys',
    body: html`<div class="page-head"><h1>${m.values.name || 'API key'}</h1><a class="button" href="/admin/api-keys">Back to API keys</a></div>
${errorSummary(m.problems)}
${noticeOf(m.notice)}
<div class="split">
  <section class="panel" aria-labelledby="edit-heading">
    <h2 id="edit-heading">Details</h2>
    <form method="post" action="/admin/api-keys/${m.id}" novalidate>
      ${hiddenCsrf(m.csrf)}
      <input type="hidden" name="version" value="${m.version}">
      ${textField({ name: 'name', label: 'Name', value: m.values.name, problems: m.problems })}
      ${textField({ name: 'description', label: 'Description (optional)', value: m.values.description, problems: m.problems, textarea: true })}
      <button class="primary" type="submit">Save</button>
    </form>
  </section>
  <section class="panel" aria-labelledby="use-heading">
    <h2 id="use-heading">Using this key</h2>
    <dl class="facts">
      <dt>Space</dt><dd><code>${m.client.space}</code></dd>
      <dt>Environments</dt><dd>${m.environments.join(', ')}</dd>
      <dt>Created</dt><dd>${day(m.createdAt)}</dd>
    </dl>
    <p class="hint spaced">The tokens were shown once, when the key was created. Lost them? Create a new key and delete this one.</p>
    <pre class="snippet" tabindex="0" aria-label="Delivery client settings"><code>${clientSnippet(m.client, '<delivery token>', 'delivery')}</code></pre>
    <a class="button danger" href="/admin/api-keys/${m.id}/delete">Delete this key…</a>
  </section>
</div>`,
  });
}
