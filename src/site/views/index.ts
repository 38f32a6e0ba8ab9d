/**
 * The public hub's pages as pure functions: a view model in, a complete HTML5 document out.
 * No data access and no HTTP here; see `../routes.ts` for the wiring.
 */
export { renderHome, renderCard, sortNewestFirst, homeDefaults, type HomeModel, type CardModel, type CardImage } from './home.js';
export { renderArticle, renderRelated, type ArticleModel, type HeroImage, type TopicModel } from './article.js';
export { renderNotFound, renderError, type NotFoundModel, type ErrorModel } from './errors.js';
export { renderRichText, safeHref, isExternal, type ResolvedAsset, type RichTextContext } from './rich-text.js';
export { siteCss, siteCssHash, cssHref } from './styles.js';
export { html, raw, attrs, escapeHtml, SafeHtml, type HtmlValue } from './html.js';
export { formatDate, isoDate, parseCalendarDate, type CalendarDate } from './format.js';
