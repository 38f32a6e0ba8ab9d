/** Sign-in and the pages people see when something is refused or missing. */
import { html } from '../../site/views/index.js';
import { errorSummary, renderPage, textField, type Viewer } from './layout.js';

export interface LoginModel {
  csrf: string;
  email: string;
  next: string;
  error?: string;
  notice?: string;
}

export function renderLogin(model: LoginModel): string {
  return renderPage({
    title: 'Sign in',
    csrf: model.csrf,
    body: html`<div class="login">
  <p class="brand">Folio <span>editor</span></p>
  <div class="panel">
    <h1>Sign in</h1>
    ${model.notice ? html`<p class="notice" role="status">${model.notice}</p>` : ''}
    ${model.error ? errorSummary([{ field: 'email', message: model.error }]) : ''}
    <form method="post" action="/admin/login" novalidate>
      <input type="hidden" name="_csrf" value="${model.csrf}">
      <input type="hidden" name="next" value="${model.next}">
      ${textField({ name: 'email', label: 'E-mail', type: 'email', value: model.email, problems: [], autocomplete: 'username', required: true })}
      ${textField({ name: 'password', label: 'Password', type: 'password', value: '', problems: [], autocomplete: 'current-password', required: true })}
      <button class="primary" type="submit">Sign in</button>
    </form>
    <p><a href="/admin/forgot">Forgot your password?</a></p>
  </div>
</div>`,
  });
}

export interface ProblemPageModel {
  status: number;
  title: string;
  message: string;
  viewer?: Viewer | undefined;
  csrf: string;
  retryAfterSeconds?: number;
  /** Where to go from here, instead of the articles list. */
  back?: { href: string; label: string };
}

export function renderProblem(model: ProblemPageModel): string {
  return renderPage({
    title: model.title,
    csrf: model.csrf,
    ...(model.viewer ? { viewer: model.viewer } : {}),
    body: html`<div class="${model.viewer ? '' : 'login'}">
  <div class="panel">
    <h1>${model.title}</h1>
    <p>${model.message}</p>
    ${model.retryAfterSeconds ? html`<p>Try again in ${Math.ceil(model.retryAfterSeconds / 60)} minutes.</p>` : ''}
    <p><a class="button" href="${model.back?.href ?? (model.viewer ? '/admin/articles' : '/admin/login')}">${model.back?.label ?? (model.viewer ? 'Back to articles' : 'Sign in')}</a></p>
  </div>
</div>`,
  });
}
