/** Friendly HTML error pages: 404 and everything else. */
import { html } from './html.js';
import { page, type PageLook } from './layout.js';

export interface NotFoundModel {
  siteName: string;
  /** The site settings' part of every page. */
  look?: PageLook;
  /** The path that was asked for, as received. */
  path: string;
}

export interface ErrorModel {
  siteName: string;
  /** The site settings' part of every page. */
  look?: PageLook;
  status: number;
  /** Overrides the status's usual heading and explanation. */
  title?: string;
  text?: string;
}

/** Long paths are cut so a crafted URL can't fill the page. */
const maxPath = 200;
const shortPath = (path: string) => (path.length > maxPath ? `${path.slice(0, maxPath)}…` : path);

export function renderNotFound(model: NotFoundModel): string {
  return page({
    siteName: model.siteName,
    ...(model.look ? { look: model.look } : {}),
    title: 'Page not found',
    description: 'The page you asked for does not exist.',
    noindex: true,
    main: html`<div class="status">
<p class="code">Error 404</p>
<h1>Page not found</h1>
<p>We couldn’t find <code>${shortPath(model.path)}</code>. It may have moved, or the link may be mistyped.</p>
<a class="button" href="/">Browse all articles</a>
</div>`,
  });
}

const messages: Record<number, { title: string; text: string }> = {
  400: { title: 'Bad request', text: 'The request could not be understood. Check the address and try again.' },
  401: { title: 'Sign-in required', text: 'You need to sign in to see this page.' },
  403: { title: 'Access denied', text: 'You don’t have permission to see this page.' },
  404: { title: 'Page not found', text: 'The page you asked for does not exist.' },
  405: { title: 'Method not allowed', text: 'This page can’t answer that kind of request.' },
  410: { title: 'Page removed', text: 'This page has been removed.' },
  413: { title: 'Request too large', text: 'The request was larger than this site accepts.' },
  429: { title: 'Too many requests', text: 'You’ve made a lot of requests in a short time. Please wait a moment and try again.' },
  503: { title: 'Temporarily unavailable', text: 'The site is briefly unavailable. Please try again in a few minutes.' },
};

const fallback = (status: number) =>
  status >= 500
    ? { title: 'Something went wrong', text: 'An unexpected error occurred on our side. Please try again in a moment.' }
    : { title: 'Request not handled', text: 'This request could not be completed.' };

export function renderError(model: ErrorModel): string {
  const status = Number.isInteger(model.status) && model.status >= 400 && model.status <= 599 ? model.status : 500;
  const usual = messages[status] ?? fallback(status);
  const title = model.title ?? usual.title;
  const text = model.text ?? usual.text;
  return page({
    siteName: model.siteName,
    ...(model.look ? { look: model.look } : {}),
    title,
    description: text,
    noindex: true,
    main: html`<div class="status">
<p class="code">Error ${status}</p>
<h1>${title}</h1>
<p>${text}</p>
<a class="button" href="/">Back to all articles</a>
</div>`,
  });
}
