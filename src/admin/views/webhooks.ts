/** Webhooks: the list, the form (new and edit), the one-time secret, the call log and one call. */
import { html, type SafeHtml } from '../../site/views/index.js';
import type { FilterValues, WebhookFormValues } from '../webhook-form.js';
import { spareHeaderRows } from '../webhook-form.js';
import { errorSummary, problemFor, textField, type FieldProblem, type Viewer } from './layout.js';
import { checkbox, hiddenCsrf, minute, noticeOf, renderSettingsPage } from './settings.js';
import { table } from '../../validate/json-shape.js';

export interface WebhookRow {
  id: string;
  name: string;
  url: string;
  active: boolean;
  lastCall: { statusCode: number; at: string; ok: boolean } | null;
}

export interface WebhooksModel {
  viewer: Viewer;
  csrf: string;
  hooks: WebhookRow[];
  notice?: string | undefined;
}

const callBadge = (statusCode: number, ok: boolean) =>
  html`<span class="badge ${ok ? 'published' : 'failed'}">${statusCode === 0 ? 'No answer' : `HTTP ${statusCode}`}</span>`;

export function renderWebhooks(m: WebhooksModel): string {
  return renderSettingsPage({
    title: 'Webhooks',
    viewer: m.viewer,
    csrf: m.csrf,
    area: 'webhooks',
    body: html`<div class="page-head"><h1>Webhooks</h1><a class="button primary" href="/admin/webhooks/new">New webhook</a></div>
<p class="hint measure">Folio sends a signed POST to each active webhook when content it listens to changes, as Contentful does, and retries calls that fail.</p>
${noticeOf(m.notice)}
${m.hooks.length === 0
  ? html`<div class="panel empty">There are no webhooks yet.</div>`
  : html`<div class="table-wrap"><table class="stack">
  <caption class="visually-hidden">Webhooks</caption>
  <thead><tr><th scope="col">Name</th><th scope="col">URL</th><th scope="col">State</th><th scope="col">Last call</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
  <tbody>
  ${m.hooks.map(
    (h) => html`<tr>
    <td class="title"><a href="/admin/webhooks/${h.id}">${h.name}</a></td>
    <td data-label="URL"><code>${h.url}</code></td>
    <td data-label="State"><span class="badge ${h.active ? 'published' : 'archived'}">${h.active ? 'Active' : 'Inactive'}</span></td>
    <td data-label="Last call">${h.lastCall ? html`${callBadge(h.lastCall.statusCode, h.lastCall.ok)} <span class="sub">${minute(h.lastCall.at)}</span>` : html`<span class="muted">Not called yet</span>`}</td>
    <td><div class="actions"><a class="button" href="/admin/webhooks/${h.id}/calls">Calls<span class="visually-hidden"> of ${h.name}</span></a><a class="button" href="/admin/webhooks/${h.id}">Edit<span class="visually-hidden"> ${h.name}</span></a></div></td>
  </tr>`,
  )}
  </tbody>
</table></div>`}`,
  });
}

export interface WebhookFormModel {
  viewer: Viewer;
  csrf: string;
  /** Absent for a new webhook. */
  id?: string | undefined;
  version?: number | undefined;
  values: WebhookFormValues;
  problems: FieldProblem[];
  entityTypes: readonly string[];
  actions: readonly string[];
  notice?: string | undefined;
}

const typeLabels = table<string>({ Entry: 'Entries', Asset: 'Assets', ContentType: 'Content types', '*': 'Any type' });
const actionLabels = table<string>({ auto_save: 'auto save' });

function topicsField(m: WebhookFormModel): SafeHtml {
  const chosen = new Set(m.values.topics);
  const errors = problemFor(m.problems, 'topics');
  const group = (type: string) => html`<fieldset class="topic-group">
    <legend>${typeLabels[type] ?? type}</legend>
    <div class="topic-grid">
      ${checkbox({ name: 'topics', value: `${type}.*`, label: type === '*' ? 'Every event (*.*)' : 'All events', checked: chosen.has(`${type}.*`), id: `topic-${type === '*' ? 'any' : type}-all` })}
      ${m.actions.map((a) => checkbox({ name: 'topics', value: `${type}.${a}`, label: actionLabels[a] ?? a, checked: chosen.has(`${type}.${a}`), id: `topic-${type === '*' ? 'any' : type}-${a}` }))}
    </div>
  </fieldset>`;
  return html`<fieldset class="checks${errors.length ? ' invalid' : ''}" id="f-topics"${errors.length ? html` aria-describedby="f-topics-error"` : ''}>
  <legend>Events</legend>
  <p class="hint">Contentful's topics: <code>ContentManagement.Type.action</code>. “Any type” matches entries, assets and content types.</p>
  ${errors.length ? html`<p class="error-text" id="f-topics-error">${errors.map((e) => e.message).join(' ')}</p>` : ''}
  ${[...m.entityTypes, '*'].map(group)}
</fieldset>`;
}

function filterField(prefix: string, label: string, f: FilterValues, problems: FieldProblem[], hint: string): SafeHtml {
  const errors = problemFor(problems, `${prefix}-values`);
  const option = (value: string, text: string) => html`<option value="${value}"${f.op === value ? html` selected` : ''}>${text}</option>`;
  return html`<div class="field${errors.length ? ' invalid' : ''}">
  <div class="filter-row">
    <div><label for="f-${prefix}-op">${label}</label><select id="f-${prefix}-op" name="${prefix}-op">${option('any', 'Any')}${option('is', 'Is one of')}${option('not', 'Is none of')}</select></div>
    <div><label for="f-${prefix}-values">${label} ids</label><input type="text" id="f-${prefix}-values" name="${prefix}-values" value="${f.values}" aria-describedby="f-${prefix}-hint${errors.length ? ` f-${prefix}-values-error` : ''}"${errors.length ? html` aria-invalid="true"` : ''}></div>
  </div>
  <p class="hint" id="f-${prefix}-hint">${hint}</p>
  ${errors.length ? html`<p class="error-text" id="f-${prefix}-values-error">${errors.map((e) => e.message).join(' ')}</p>` : ''}
</div>`;
}

function headerRow(i: number, h: { key: string; value: string; secret: boolean; stored: boolean }, problems: FieldProblem[]): SafeHtml {
  const keyErrors = problemFor(problems, `header-key-${i}`);
  const valueErrors = problemFor(problems, `header-value-${i}`);
  const errors = [...keyErrors, ...valueErrors];
  return html`<div class="field${errors.length ? ' invalid' : ''}"><div class="header-row">
  <div><label class="visually-hidden" for="f-header-key-${i}">Header ${i + 1} name</label><input type="text" id="f-header-key-${i}" name="header-key-${i}" value="${h.key}" placeholder="Header name"${keyErrors.length ? html` aria-invalid="true" aria-describedby="f-header-${i}-error"` : ''}></div>
  <div><label class="visually-hidden" for="f-header-value-${i}">Header ${i + 1} value</label><input type="text" id="f-header-value-${i}" name="header-value-${i}" value="${h.value}" placeholder="${h.stored ? 'Secret: leave empty to keep' : 'Value'}" autocomplete="off"${valueErrors.length ? html` aria-invalid="true" aria-describedby="f-header-${i}-error"` : ''}></div>
  ${checkbox({ name: `header-secret-${i}`, label: 'Secret', checked: h.secret, id: `f-header-secret-${i}` })}
</div>
${errors.length ? html`<p class="error-text" id="f-header-${i}-error">${errors.map((e) => e.message).join(' ')}</p>` : ''}</div>`;
}

export function renderWebhookForm(m: WebhookFormModel): string {
  const v = m.values;
  const isNew = m.id === undefined;
  const blank = { key: '', value: '', secret: false, stored: false };
  const rows = [...v.headers, ...Array.from({ length: spareHeaderRows }, () => blank)];
  return renderSettingsPage({
    title: isNew ? 'New webhook' : `Webhook ${v.name}`,
    viewer: m.viewer,
    csrf: m.csrf,
    area: 'webhooks',
    body: html`<div class="page-head"><h1>${isNew ? 'New webhook' : v.name || 'Webhook'}</h1>
  <div class="actions">${isNew ? '' : html`<a class="button" href="/admin/webhooks/${m.id}/calls">Call log</a>`}<a class="button" href="/admin/webhooks">Back to webhooks</a></div></div>
${errorSummary(m.problems)}
${noticeOf(m.notice)}
<form method="post" action="${isNew ? '/admin/webhooks' : `/admin/webhooks/${m.id}`}" novalidate class="panel measure form-sections">
  ${hiddenCsrf(m.csrf)}
  ${isNew ? '' : html`<input type="hidden" name="version" value="${m.version}">`}
  <h2>Details</h2>
  ${textField({ name: 'name', label: 'Name', value: v.name, problems: m.problems })}
  ${textField({ name: 'url', label: 'URL', type: 'url', value: v.url, problems: m.problems, hint: 'Folio POSTs the changed entity as JSON to this address.', inputClass: 'mono' })}
  <div class="field">${checkbox({ name: 'active', label: 'Active: send calls', checked: v.active, id: 'f-active' })}</div>
  ${topicsField(m)}
  <h2>Filters</h2>
  <p class="hint">All filters must hold for a call to be sent.${v.otherFilters.length ? ` ${v.otherFilters.length} more filter${v.otherFilters.length === 1 ? '' : 's'} set through the Management API ${v.otherFilters.length === 1 ? 'is' : 'are'} kept as ${v.otherFilters.length === 1 ? 'it is' : 'they are'}.` : ''}</p>
  ${filterField('env', 'Environment', v.environment, m.problems, 'sys.environment.sys.id, e.g. master. Separate several with commas.')}
  ${filterField('ct', 'Content type', v.contentType, m.problems, 'sys.contentType.sys.id, e.g. article, author. Entries only: assets have no content type.')}
  <h2>Headers</h2>
  <p class="hint">Sent with every call. Values marked secret are not shown again. To remove a header, empty both its boxes.</p>
  ${rows.map((h, i) => headerRow(i, h, m.problems))}
  <h2>HTTP basic authentication</h2>
  <div class="field-grid">
    ${textField({ name: 'basic-user', label: 'User name', value: v.basicUsername, problems: m.problems, autocomplete: 'off' })}
    ${textField({ name: 'basic-password', label: 'Password', type: 'password', value: '', problems: m.problems, autocomplete: 'new-password', ...(v.basicPasswordStored ? { hint: 'A password is set: leave empty to keep it.' } : {}) })}
  </div>
  ${isNew
    ? html`<p class="hint">Folio makes a signing secret for <code>X-Folio-Signature</code> and shows it once, after the webhook is created.</p>`
    : html`<h2>Signing secret</h2><div class="field">${checkbox({ name: 'new-secret', label: 'Replace the signing secret (the new one is shown once)', checked: false, id: 'f-new-secret' })}</div>`}
  <div class="actions">
    <button class="primary" type="submit">${isNew ? 'Create webhook' : 'Save webhook'}</button>
    ${isNew ? '' : html`<a class="button danger" href="/admin/webhooks/${m.id}/delete">Delete…</a>`}
  </div>
</form>`,
  });
}

export interface WebhookSecretModel {
  viewer: Viewer;
  csrf: string;
  id: string;
  name: string;
  secret: string;
  created: boolean;
}

export function renderWebhookSecret(m: WebhookSecretModel): string {
  return renderSettingsPage({
    title: m.created ? `Webhook “${m.name}” created` : 'New signing secret',
    viewer: m.viewer,
    csrf: m.csrf,
    area: 'webhooks',
    body: html`<div class="page-head"><h1>${m.created ? html`Webhook “${m.name}” created` : html`New signing secret for “${m.name}”`}</h1></div>
<div class="notice secret-once" role="status" tabindex="-1" id="new-secret"><strong>Copy the signing secret now.</strong> It is shown only once.
<code class="token-once" id="signing-secret">${m.secret}</code>
Each call carries <code>X-Folio-Signature: sha256=…</code>, the HMAC-SHA256 of the request body under this secret.</div>
<div class="actions"><a class="button primary" href="/admin/webhooks/${m.id}">Go to the webhook</a><a class="button" href="/admin/webhooks">All webhooks</a></div>`,
  });
}

export interface CallRow {
  id: string;
  at: string;
  topic: string;
  statusCode: number;
  ok: boolean;
  durationMs: number;
  errors: string[];
  attempt: number;
}

export interface WebhookCallsModel {
  viewer: Viewer;
  csrf: string;
  id: string;
  name: string;
  calls: CallRow[];
  total: number;
  health: { total: number; healthy: number };
}

const ms = (n: number) => (n < 1000 ? `${n} ms` : `${(n / 1000).toFixed(1)} s`);
const shortTopic = (t: string) => t.replace(/^ContentManagement\./, '');

export function renderWebhookCalls(m: WebhookCallsModel): string {
  return renderSettingsPage({
    title: `Calls of ${m.name}`,
    viewer: m.viewer,
    csrf: m.csrf,
    area: 'webhooks',
    body: html`<div class="page-head"><h1>Calls of “${m.name}”</h1><div class="actions"><a class="button" href="/admin/webhooks/${m.id}">Edit webhook</a><a class="button" href="/admin/webhooks">Back to webhooks</a></div></div>
<p class="hint">${m.health.total === 0 ? 'No calls yet.' : m.health.total === 1 ? `The only call ${m.health.healthy ? 'succeeded' : 'failed'}.` : `${m.health.healthy} of the last ${m.health.total} calls succeeded.`}${m.total > m.calls.length ? ` Showing the newest ${m.calls.length} of ${m.total}.` : ''}</p>
${m.calls.length === 0
  ? html`<div class="panel empty">Folio has not called this webhook yet. Calls appear here when content it listens to changes.</div>`
  : html`<div class="table-wrap"><table class="stack">
  <caption class="visually-hidden">Calls, newest first</caption>
  <thead><tr><th scope="col">Time</th><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Duration</th><th scope="col">Error</th></tr></thead>
  <tbody>
  ${m.calls.map(
    (c) => html`<tr>
    <td class="title"><a href="/admin/webhooks/${m.id}/calls/${c.id}">${minute(c.at)}</a>${c.attempt > 1 ? html`<div class="sub">attempt ${c.attempt}</div>` : ''}</td>
    <td data-label="Event"><code>${shortTopic(c.topic)}</code></td>
    <td data-label="Status">${callBadge(c.statusCode, c.ok)}</td>
    <td data-label="Duration">${ms(c.durationMs)}</td>
    <td data-label="Error">${c.errors.length ? c.errors.join('; ') : html`<span class="muted">—</span>`}</td>
  </tr>`,
  )}
  </tbody>
</table></div>`}`,
  });
}

export interface Exchange {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  statusCode?: number;
}

export interface WebhookCallModel {
  viewer: Viewer;
  csrf: string;
  id: string;
  name: string;
  call: CallRow & { url: string };
  request: Exchange;
  response: Exchange | null;
}

function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function exchange(title: string, id: string, x: Exchange | null): SafeHtml {
  if (!x) return html`<section class="panel" aria-labelledby="${id}"><h2 id="${id}">${title}</h2><p class="sub">No response came.</p></section>`;
  const headers = Object.entries(x.headers);
  return html`<section class="panel" aria-labelledby="${id}">
  <h2 id="${id}">${title}</h2>
  ${headers.length
    ? html`<dl class="facts">${headers.map(([k, v]) => html`<dt>${k}</dt><dd><code>${v}</code></dd>`)}</dl>`
    : html`<p class="sub">No headers recorded.</p>`}
  <p class="hint body-label">${x.statusCode !== undefined ? 'Body' : `${x.method} body`} (the first part, as sent)</p>
  <pre class="snippet body" tabindex="0" aria-label="${title} body"><code>${x.body ? prettyBody(x.body) : '(empty)'}</code></pre>
</section>`;
}

export function renderWebhookCall(m: WebhookCallModel): string {
  const c = m.call;
  return renderSettingsPage({
    title: `Call of ${m.name}`,
    viewer: m.viewer,
    csrf: m.csrf,
    area: 'webhooks',
    body: html`<div class="page-head"><h1>Call of “${m.name}”</h1><a class="button" href="/admin/webhooks/${m.id}/calls">Back to the call log</a></div>
<section class="panel spaced-bottom" aria-labelledby="call-heading">
  <h2 id="call-heading">Summary</h2>
  <dl class="facts">
    <dt>Time</dt><dd>${minute(c.at)}</dd>
    <dt>Event</dt><dd><code>${c.topic}</code></dd>
    <dt>URL</dt><dd><code>${c.url}</code></dd>
    <dt>Status</dt><dd>${callBadge(c.statusCode, c.ok)}</dd>
    <dt>Duration</dt><dd>${ms(c.durationMs)}</dd>
    <dt>Attempt</dt><dd>${c.attempt}</dd>
    ${c.errors.length ? html`<dt>Error</dt><dd>${c.errors.join('; ')}</dd>` : ''}
  </dl>
</section>
<div class="split">
  ${exchange('Request', 'request-heading', m.request)}
  ${exchange('Response', 'response-heading', m.response)}
</div>`,
  });
}
