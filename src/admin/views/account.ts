/**
 * The account pages: the signed-in user's own (password, two-factor, sessions), and the
 * signed-out steps that links and sign-in lead to (invite, forgotten password, reset, code).
 */
import { html, type HtmlValue } from '../../site/views/index.js';
import { errorSummary, renderPage, textField, type FieldProblem, type Viewer } from './layout.js';
import { hiddenCsrf, noticeOf } from './settings.js';

export interface AccountModel {
  viewer: Viewer;
  csrf: string;
  problems: FieldProblem[];
  notice?: string | undefined;
  twoFactor: { state: 'off' } | { state: 'pending'; secret: string; uri: string } | { state: 'on'; recoveryLeft: number };
  /** Shown once, right after two-factor was turned on. */
  recoveryCodes?: string[] | undefined;
}

const groups = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

export function renderAccount(m: AccountModel): string {
  const tf = m.twoFactor;
  return renderPage({
    title: 'Your account',
    viewer: m.viewer,
    section: 'account',
    csrf: m.csrf,
    body: html`<div class="page-head"><h1>Your account</h1></div>
<p class="hint measure">Signed in as ${m.viewer.email} (${m.viewer.role}).</p>
${errorSummary(m.problems)}
${noticeOf(m.notice)}
${m.recoveryCodes
  ? html`<div class="notice" role="status" tabindex="-1" id="recovery-codes"><strong>Two-factor sign-in is on.</strong> Keep these recovery codes somewhere safe: each signs you in once if you lose your phone. They are shown only now.
  <ul class="codes">${m.recoveryCodes.map((c) => html`<li><code>${c}</code></li>`)}</ul></div>`
  : ''}
<section class="panel narrow" aria-labelledby="password-heading">
  <h2 id="password-heading">Change your password</h2>
  <p class="hint">You stay signed in here; every other browser is signed out.</p>
  <form method="post" action="/admin/account/password" novalidate>
    ${hiddenCsrf(m.csrf)}
    ${textField({ name: 'current', label: 'Current password', type: 'password', value: '', problems: m.problems, autocomplete: 'current-password' })}
    ${textField({ name: 'next', label: 'New password', type: 'password', value: '', problems: m.problems, autocomplete: 'new-password', hint: 'At least 8 characters.' })}
    <button class="primary" type="submit">Change password</button>
  </form>
</section>
<section class="panel narrow" aria-labelledby="tf-heading">
  <h2 id="tf-heading">Two-factor sign-in</h2>
  ${tf.state === 'off'
    ? html`<p>Off. With it on, signing in also asks for a 6-digit code from an authenticator app on your phone.</p>
  <form method="post" action="/admin/account/two-factor/start">${hiddenCsrf(m.csrf)}<button type="submit">Set up two-factor sign-in</button></form>`
    : tf.state === 'pending'
      ? html`<p>In your authenticator app, add an account by hand with this key (time-based, 6 digits):</p>
  <p><code class="token-once" id="tf-secret">${groups(tf.secret)}</code></p>
  <p class="hint">Or, if the app takes a link: <code class="token-once" id="tf-uri">${tf.uri}</code></p>
  <form method="post" action="/admin/account/two-factor/confirm" novalidate>
    ${hiddenCsrf(m.csrf)}
    ${textField({ name: 'code', label: 'Code from the app', value: '', problems: m.problems, autocomplete: 'one-time-code', hint: 'The 6 digits it shows now.' })}
    <div class="actions"><button class="primary" type="submit">Turn on two-factor sign-in</button></div>
  </form>
  <form class="after" method="post" action="/admin/account/two-factor/cancel">${hiddenCsrf(m.csrf)}<button type="submit">Cancel set-up</button></form>`
      : html`<p><span class="badge published">On</span> Signing in asks for a code from your app. Recovery codes left: ${tf.recoveryLeft}.</p>
  <form method="post" action="/admin/account/two-factor/off" novalidate>
    ${hiddenCsrf(m.csrf)}
    ${textField({ name: 'password', label: 'Your password, to turn it off', type: 'password', value: '', problems: m.problems, autocomplete: 'current-password' })}
    <button class="danger" type="submit">Turn off two-factor sign-in</button>
  </form>`}
</section>
<section class="panel narrow" aria-labelledby="everywhere-heading">
  <h2 id="everywhere-heading">Sign out everywhere</h2>
  <p>Ends every session of yours, in every browser and on every device, this one included. Access tokens keep working; revoke them under Access tokens.</p>
  <form method="post" action="/admin/account/sign-out-everywhere">${hiddenCsrf(m.csrf)}<button class="danger" type="submit">Sign out everywhere</button></form>
</section>`,
  });
}

/** A small signed-out page in the sign-in frame. */
function signedOutPage(title: string, body: HtmlValue, csrf: string): string {
  return renderPage({
    title,
    csrf,
    body: html`<div class="login">
  <p class="brand">Folio <span>editor</span></p>
  <div class="panel">
    <h1>${title}</h1>
    ${body}
  </div>
</div>`,
  });
}

export function renderInviteAccept(m: { csrf: string; token: string; email: string; role: string; name: string; problems: FieldProblem[] }): string {
  return signedOutPage(
    'Join Folio',
    html`<p>You were invited as <strong>${m.role}</strong> with the e-mail <strong>${m.email}</strong>. Choose your name and password.</p>
    ${errorSummary(m.problems)}
    <form method="post" action="/admin/invite" novalidate>
      ${hiddenCsrf(m.csrf)}
      <input type="hidden" name="token" value="${m.token}">
      ${textField({ name: 'name', label: 'Your name', value: m.name, problems: m.problems, autocomplete: 'name', required: true })}
      ${textField({ name: 'password', label: 'Password', type: 'password', value: '', problems: m.problems, autocomplete: 'new-password', hint: 'At least 8 characters.', required: true })}
      <button class="primary" type="submit">Create my account</button>
    </form>`,
    m.csrf,
  );
}

export function renderLinkGone(m: { csrf: string; message: string }): string {
  return signedOutPage('This link does not work', html`<p>${m.message}</p><p><a class="button" href="/admin/login">Sign in</a> <a class="button" href="/admin/forgot">Forgot your password?</a></p>`, m.csrf);
}

export function renderForgot(m: { csrf: string; email: string; problems: FieldProblem[]; sent?: string | undefined }): string {
  return signedOutPage(
    'Forgot your password?',
    m.sent
      ? html`<p class="notice" role="status">${m.sent}</p><p><a class="button" href="/admin/login">Back to sign in</a></p>`
      : html`${errorSummary(m.problems)}
    <form method="post" action="/admin/forgot" novalidate>
      ${hiddenCsrf(m.csrf)}
      ${textField({ name: 'email', label: 'E-mail', type: 'email', value: m.email, problems: m.problems, autocomplete: 'username', required: true })}
      <button class="primary" type="submit">Ask for a reset link</button>
    </form>`,
    m.csrf,
  );
}

export function renderReset(m: { csrf: string; token: string; email: string; problems: FieldProblem[] }): string {
  return signedOutPage(
    'Choose a new password',
    html`<p>For <strong>${m.email}</strong>. Every session of this account ends when you save.</p>
    ${errorSummary(m.problems)}
    <form method="post" action="/admin/reset" novalidate>
      ${hiddenCsrf(m.csrf)}
      <input type="hidden" name="token" value="${m.token}">
      ${textField({ name: 'password', label: 'New password', type: 'password', value: '', problems: m.problems, autocomplete: 'new-password', hint: 'At least 8 characters.', required: true })}
      <button class="primary" type="submit">Save new password</button>
    </form>`,
    m.csrf,
  );
}

export function renderCodeStep(m: { csrf: string; problems: FieldProblem[] }): string {
  return signedOutPage(
    'Enter your code',
    html`<p>Open your authenticator app and type the 6-digit code for Folio, or one of your recovery codes.</p>
    ${errorSummary(m.problems)}
    <form method="post" action="/admin/login/code" novalidate>
      ${hiddenCsrf(m.csrf)}
      ${textField({ name: 'code', label: 'Code', value: '', problems: m.problems, autocomplete: 'one-time-code', required: true })}
      <button class="primary" type="submit">Sign in</button>
    </form>
    <p><a href="/admin/login">Start again</a></p>`,
    m.csrf,
  );
}
