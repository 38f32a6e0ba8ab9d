/** The editor at /admin: server-rendered pages, progressive JavaScript, sessions and CSRF. */
export { adminRoutes, type AdminOptions } from './plugin.js';
export type { AdminContext } from './context.js';
