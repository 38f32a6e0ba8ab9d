export { managementRoutes } from './plugin.js';
export type { ManagementOptions } from './context.js';
/** Body checks, for other doors that take Management API shapes (imports). */
export { contentTypeBody, localizedFields, metadataInput } from './parse.js';
