/** The editor's page frame: skip link, top bar with navigation, main landmark. */
import { html, type HtmlValue, type SafeHtml } from '../../site/views/index.js';
import { can, type Role } from '../../auth/index.js';
import { adminCssHref } from './styles.js';

export interface Viewer {
  name: string;
  email: string;
  role: Role;
  /** The active content types, for the Content menu. */
  contentTypes?: Array<{ id: string; name: string }>;
  /** The environment the editor works in; `choices` (admins only) feeds the switcher. */
  environment?: { id: string; target?: string | undefined; choices: Array<{ id: string; label: string }>; /** This page, to come back to after switching. */ here: string };
}

/** Which environment this is, and for admins a switcher (a plain form: works without JS). */
const environmentBar = (viewer: Viewer, csrf: string) => {
  const env = viewer.environment;
  if (!env) return '';
  const label = env.target ? `${env.id} → ${env.target}` : env.id;
  if (env.choices.length === 0) return html`<span class="env">Environment: <strong>${label}</strong></span>`;
  return html`<form class="env" method="post" action="/admin/environment">
    <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="next" value="${env.here}">
    <label for="env-switch">Environment</label>
    <select id="env-switch" name="environment">${env.choices.map((c) => html`<option value="${c.id}"${c.id === env.id ? ' selected' : ''}>${c.label}</option>`)}</select>
    <button type="submit">Switch</button>
  </form>`;
};

export interface PageModel {
  title: string;
  /** Absent on the sign-in page. */
  viewer?: Viewer;
  section?: 'articles' | 'content' | 'media' | 'mentions' | 'users' | 'tokens' | 'settings' | 'account';
  csrf: string;
  scriptHref?: string | undefined;
  body: HtmlValue;
}

const navItems = (viewer: Viewer) => [
  { id: 'articles', href: '/admin/articles', label: 'Articles' },
  { id: 'media', href: '/admin/media', label: 'Media' },
  { id: 'mentions', href: '/admin/mentions', label: 'Mentions' },
  ...(viewer.role === 'admin' ? [{ id: 'users', href: '/admin/users', label: 'Users' }] : []),
  { id: 'tokens', href: '/admin/tokens', label: 'Access tokens' },
  ...(settingsHome(viewer) ? [{ id: 'settings', href: settingsHome(viewer)!, label: 'Settings' }] : []),
];

/** The Settings area's screens, each with the permission it needs. */
export const settingsLinks = [
  { id: 'content-types', href: '/admin/content-types', label: 'Content types', action: 'manageModel' },
  { id: 'api-keys', href: '/admin/api-keys', label: 'API keys', action: 'manageApiKeys' },
  { id: 'webhooks', href: '/admin/webhooks', label: 'Webhooks', action: 'manageWebhooks' },
  { id: 'users', href: '/admin/users', label: 'Users', action: 'manageUsers' },
  { id: 'site', href: '/admin/site', label: 'Site', action: 'manageSpace' },
] as const;
/** Where the Settings link goes: the first of its screens this role may use, if any. */
const settingsHome = (viewer: Viewer) => settingsLinks.find((l) => can({ kind: 'user', id: '', role: viewer.role }, l.action))?.href;

/** A disclosure (no script needed) listing every content type, and all content. */
const contentMenu = (viewer: Viewer, current: boolean) => html`<details class="menu"><summary${current ? html` class="current"` : ''}>Content</summary><ul>
  <li><a href="/admin/entries">All content</a></li>
  ${(viewer.contentTypes ?? []).map((t) => html`<li><a href="/admin/entries?type=${encodeURIComponent(t.id)}">${t.name}</a></li>`)}
</ul></details>`;

export function renderPage(model: PageModel): string {
  const { viewer } = model;
  const page: SafeHtml = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="csrf-token" content="${model.csrf}">
<title>${model.title} · Folio editor</title>
<link rel="stylesheet" href="${adminCssHref}">
${model.scriptHref ? html`<script type="module" src="${model.scriptHref}"></script>` : ''}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
${viewer
  ? html`<header class="top">
  <a class="brand" href="/admin/articles">Folio <span>editor</span></a>
  <nav aria-label="Main"><ul>
    <li>${contentMenu(viewer, model.section === 'content')}</li>
    ${navItems(viewer).map((item) => html`<li><a href="${item.href}"${item.id === model.section ? html` aria-current="page"` : ''}>${item.label}</a></li>`)}
  </ul></nav>
  <div class="me">
    ${environmentBar(viewer, model.csrf)}
    <a href="/admin/account"${model.section === 'account' ? html` aria-current="page"` : ''}>${viewer.name}</a> <span class="badge role">${viewer.role}</span>
    <form method="post" action="/admin/logout"><input type="hidden" name="_csrf" value="${model.csrf}"><button type="submit">Sign out</button></form>
  </div>
</header>`
  : ''}
<main id="main" tabindex="-1">
${model.body}
</main>
</body>
</html>
`;
  // Interpolations that render nothing leave blank, indented lines: drop them, but never inside
  // a textarea, whose text is the value being edited.
  return page.value
    .split(/(<textarea[^>]*>[\s\S]*?<\/textarea>)/)
    .map((part, i) => (i % 2 ? part : part.replace(/\n[ \t]*(?=\n)/g, '').replace(/[ \t]+\n/g, '\n')))
    .join('');
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** The error summary at the top of a form: focusable, linked to each field. */
export function errorSummary(problems: FieldProblem[], idPrefix = 'f-'): SafeHtml {
  if (problems.length === 0) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary">
  <h2>There ${problems.length === 1 ? 'is a problem' : `are ${problems.length} problems`}</h2>
  <ul>${problems.map((p) => html`<li><a href="#${idPrefix}${p.field}">${p.message}</a></li>`)}</ul>
</div>`;
}

export const problemFor = (problems: FieldProblem[], field: string) => problems.filter((p) => p.field === field);

/** A labelled input with its hint and inline error, wired with aria-describedby. */
export function textField(opts: {
  name: string;
  label: string;
  value: string;
  problems: FieldProblem[];
  type?: string;
  hint?: string;
  required?: boolean;
  textarea?: boolean;
  inputClass?: string;
  autocomplete?: string;
  readonly?: boolean;
}): SafeHtml {
  const id = `f-${opts.name}`;
  const errors = problemFor(opts.problems, opts.name);
  const describedBy = [opts.hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  const common = html` id="${id}" name="${opts.name}"${describedBy ? html` aria-describedby="${describedBy}"` : ''}${errors.length ? html` aria-invalid="true"` : ''}${opts.required ? html` required` : ''}${opts.readonly ? html` readonly` : ''}${opts.autocomplete ? html` autocomplete="${opts.autocomplete}"` : ''}${opts.inputClass ? html` class="${opts.inputClass}"` : ''}`;
  return html`<div class="field${errors.length ? ' invalid' : ''}">
  <label for="${id}">${opts.label}</label>
  ${opts.hint ? html`<p class="hint" id="${id}-hint">${opts.hint}</p>` : ''}
  ${opts.textarea ? html`<textarea${common}>${opts.value}</textarea>` : html`<input type="${opts.type ?? 'text'}"${common} value="${opts.value}">`}
  ${errors.length ? html`<p class="error-text" id="${id}-error">${errors.map((e) => e.message).join(' ')}</p>` : ''}
</div>`;
}

/** A labelled select with its hint and inline error; `empty` adds a first option with no value. */
export function selectField(opts: { name: string; label: string; value: string; options: Array<{ id: string; name: string }>; problems: FieldProblem[]; empty?: string; hint?: string }): SafeHtml {
  const id = `f-${opts.name}`;
  const errors = problemFor(opts.problems, opts.name);
  const describedBy = [opts.hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field${errors.length ? ' invalid' : ''}">
  <label for="${id}">${opts.label}</label>
  ${opts.hint ? html`<p class="hint" id="${id}-hint">${opts.hint}</p>` : ''}
  <select id="${id}" name="${opts.name}"${errors.length ? html` aria-invalid="true"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}>
    ${opts.empty !== undefined ? html`<option value="">${opts.empty}</option>` : ''}
    ${opts.options.map((o) => html`<option value="${o.id}"${o.id === opts.value ? html` selected` : ''}>${o.name}</option>`)}
  </select>
  ${errors.length ? html`<p class="error-text" id="${id}-error">${errors.map((e) => e.message).join(' ')}</p>` : ''}
</div>`;
}
