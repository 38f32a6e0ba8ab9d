export { managementRoutes } from './plugin.js';
export type { ManagementOptions } from './context.js';
