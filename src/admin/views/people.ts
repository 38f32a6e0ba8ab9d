/** Users (admins only) and each user's own personal access tokens. */
import { html } from '../../site/views/index.js';
import { roles } from '../../auth/index.js';
import { errorSummary, renderPage, textField, type FieldProblem, type Viewer } from './layout.js';
import { settingsNav } from './settings.js';

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: string;
  createdAt: string;
  isYou: boolean;
}

export interface UsersModel {
  viewer: Viewer;
  csrf: string;
  users: UserRow[];
  problems: FieldProblem[];
  values: { email: string; name: string; role: string };
  invite: { email: string; role: string };
  invites: Array<{ email: string; role: string; expiresAt: string }>;
  /** People who asked for a password reset while no mail can be sent. */
  resetRequests: Array<{ id: string; name: string; email: string }>;
  /** A link just made, shown on this page only. */
  link?: { kind: 'invite' | 'reset'; email: string; url: string; mailed: boolean } | undefined;
  mailConfigured: boolean;
  notice?: string | undefined;
}

const day = (iso: string) => iso.slice(0, 10);

export function renderUsers(m: UsersModel): string {
  return renderPage({
    title: 'Users',
    viewer: m.viewer,
    section: 'users',
    csrf: m.csrf,
    body: html`${settingsNav(m.viewer, 'users')}
<div class="page-head"><h1>Users</h1></div>
${errorSummary(m.problems)}
${m.notice ? html`<p class="notice" role="status">${m.notice}</p>` : ''}
${m.link
  ? html`<div class="notice" role="status" tabindex="-1" id="new-link"><strong>${m.link.kind === 'invite' ? 'Invite' : 'Password reset link'} for ${m.link.email} created.</strong>
  ${m.link.mailed ? 'It was sent by e-mail; you can also hand it over yourself.' : 'Hand it over through a safe channel: it is shown only now.'} It works once${m.link.kind === 'invite' ? ', for 7 days' : ', for one hour'}.
  <code class="token-once" id="link-url">${m.link.url}</code></div>`
  : ''}
${m.resetRequests.length
  ? html`<section class="panel" aria-labelledby="requests-heading"><h2 id="requests-heading">Password reset requests</h2>
  <p class="hint">${m.mailConfigured ? '' : 'No mail server is set (FOLIO_SMTP_URL), so these people wait for you. '}Create a link and hand it to the person, after checking it is them.</p>
  <ul class="plain">${m.resetRequests.map((r) => html`<li>${r.name} (${r.email}) <form class="inline-form" method="post" action="/admin/users/${r.id}/reset-link"><input type="hidden" name="_csrf" value="${m.csrf}"><button type="submit">Create reset link<span class="visually-hidden"> for ${r.name}</span></button></form></li>`)}</ul></section>`
  : ''}
<div class="table-wrap"><table>
  <caption class="visually-hidden">Users and their roles</caption>
  <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Added</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
  <tbody>
  ${m.users.map(
    (u) => html`<tr>
    <td><strong>${u.name}</strong>${u.isYou ? ' (you)' : ''}<div class="sub">${u.email}</div></td>
    <td><form class="inline-form" method="post" action="/admin/users/${u.id}/role">
      <input type="hidden" name="_csrf" value="${m.csrf}">
      <label class="visually-hidden" for="role-${u.id}">Role of ${u.name}</label>
      <select id="role-${u.id}" name="role">${roles.map((r) => html`<option value="${r}"${r === u.role ? html` selected` : ''}>${r}</option>`)}</select>
      <button type="submit">Change<span class="visually-hidden"> role of ${u.name}</span></button>
    </form></td>
    <td>${day(u.createdAt)}</td>
    <td><div class="row-actions"><form class="inline-form" method="post" action="/admin/users/${u.id}/reset-link"><input type="hidden" name="_csrf" value="${m.csrf}"><button type="submit">Reset link<span class="visually-hidden"> for ${u.name}</span></button></form>
    ${u.isYou ? '' : html`<form class="inline-form" method="post" action="/admin/users/${u.id}/delete"><input type="hidden" name="_csrf" value="${m.csrf}"><button class="danger" type="submit">Remove<span class="visually-hidden"> ${u.name}</span></button></form>`}</div></td>
  </tr>`,
  )}
  </tbody>
</table></div>
<section class="panel narrow" aria-labelledby="invite-heading">
  <h2 id="invite-heading">Invite by link</h2>
  <p class="hint">They choose their own name and password. The link works once, for 7 days${m.mailConfigured ? ', and is also sent by e-mail' : ''}.</p>
  ${m.invites.length ? html`<p class="hint">Open invites: ${m.invites.map((i, n) => html`${n ? ', ' : ''}${i.email} (${i.role}, until ${day(i.expiresAt)})`)}.</p>` : ''}
  <form method="post" action="/admin/users/invite" novalidate>
    <input type="hidden" name="_csrf" value="${m.csrf}">
    ${textField({ name: 'inviteEmail', label: 'E-mail to invite', type: 'email', value: m.invite.email, problems: m.problems, autocomplete: 'off' })}
    <div class="field"><label for="f-inviteRole">Role</label><select id="f-inviteRole" name="inviteRole">${roles.map((r) => html`<option value="${r}"${r === (m.invite.role || 'author') ? html` selected` : ''}>${r}</option>`)}</select></div>
    <button class="primary" type="submit">Create invite link</button>
  </form>
</section>
<section class="panel narrow" aria-labelledby="add-heading">
  <h2 id="add-heading">Add a user</h2>
  <p class="hint">Give them the password through a safe channel; they can sign in right away.</p>
  <form method="post" action="/admin/users" novalidate>
    <input type="hidden" name="_csrf" value="${m.csrf}">
    ${textField({ name: 'name', label: 'Name', value: m.values.name, problems: m.problems })}
    ${textField({ name: 'email', label: 'E-mail', type: 'email', value: m.values.email, problems: m.problems, autocomplete: 'off' })}
    <div class="field"><label for="f-role">Role</label><select id="f-role" name="role">${roles.map((r) => html`<option value="${r}"${r === (m.values.role || 'author') ? html` selected` : ''}>${r}</option>`)}</select>
    <p class="hint">Admins manage users; editors publish; authors write drafts; viewers read.</p></div>
    ${textField({ name: 'password', label: 'Initial password', type: 'password', value: '', problems: m.problems, autocomplete: 'new-password', hint: 'At least 8 characters.' })}
    <button class="primary" type="submit">Add user</button>
  </form>
</section>`,
  });
}

export interface TokenRow {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  state: 'active' | 'revoked' | 'expired';
}

export interface TokensModel {
  viewer: Viewer;
  csrf: string;
  tokens: TokenRow[];
  problems: FieldProblem[];
  /** The new token, shown on this one page only. */
  created?: { name: string; token: string } | undefined;
  notice?: string | undefined;
}

export function renderTokens(m: TokensModel): string {
  return renderPage({
    title: 'Access tokens',
    viewer: m.viewer,
    section: 'tokens',
    csrf: m.csrf,
    body: html`<div class="page-head"><h1>Personal access tokens</h1></div>
<p class="hint measure">A token lets scripts use the Content Management API as you, with your role (${m.viewer.role}). Send it as <code>Authorization: Bearer …</code>.</p>
${errorSummary(m.problems)}
${m.notice ? html`<p class="notice" role="status">${m.notice}</p>` : ''}
${m.created
  ? html`<div class="notice" role="status" tabindex="-1" id="new-token"><strong>Token “${m.created.name}” created.</strong> Copy it now: it is shown only once.
  <code class="token-once">${m.created.token}</code></div>`
  : ''}
${m.tokens.length === 0
  ? html`<div class="panel empty">You have no tokens.</div>`
  : html`<table>
  <caption class="visually-hidden">Your tokens</caption>
  <thead><tr><th scope="col">Name</th><th scope="col">Created</th><th scope="col">Expires</th><th scope="col">Last used</th><th scope="col">State</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
  <tbody>
  ${m.tokens.map(
    (t) => html`<tr><td><strong>${t.name}</strong></td><td>${day(t.createdAt)}</td><td>${t.expiresAt ? day(t.expiresAt) : 'Never'}</td><td>${t.lastUsedAt ? day(t.lastUsedAt) : 'Never'}</td>
    <td><span class="badge ${t.state === 'active' ? 'published' : 'archived'}">${t.state}</span></td>
    <td>${t.state === 'active' ? html`<form method="post" action="/admin/tokens/${t.id}/revoke"><input type="hidden" name="_csrf" value="${m.csrf}"><button class="danger" type="submit">Revoke<span class="visually-hidden"> ${t.name}</span></button></form>` : ''}</td></tr>`,
  )}
  </tbody>
</table>`}
<section class="panel narrow" aria-labelledby="new-heading">
  <h2 id="new-heading">New token</h2>
  <form method="post" action="/admin/tokens" novalidate>
    <input type="hidden" name="_csrf" value="${m.csrf}">
    ${textField({ name: 'name', label: 'Name', value: '', problems: m.problems, hint: 'What it is for, e.g. “Import script”.' })}
    <div class="field"><label for="f-expires">Expires</label><select id="f-expires" name="expires">
      <option value="30">In 30 days</option><option value="90">In 90 days</option><option value="365">In a year</option><option value="">Never</option></select></div>
    <button class="primary" type="submit">Create token</button>
  </form>
</section>`,
  });
}
