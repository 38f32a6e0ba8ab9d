export { ensureSpace, defaultLocale } from './space.js';
export { ensureApiKeys } from './api-keys.js';
export { loadDemo } from './demo.js';
export { ensureAdminUser } from './admin-user.js';
