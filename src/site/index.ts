/** The public hub: routes for Fastify, and signed draft links for the admin. */
export { siteRoutes, siteName, type SiteOptions } from './routes.js';
export { createPreviewUrl, checkPreviewLink, previewSecret, draftPath, defaultPreviewTtlSeconds, maxPreviewTtlSeconds } from './preview-links.js';
export type { SiteContext } from './data.js';
export { plainText } from './reading.js';
export { readSiteSettings, updateSiteSettings, defaultSiteSettings, siteSettingsLimits, type SiteSettings, type SiteSettingsInput } from './settings.js';
export { textOf } from './data.js';
