export { managementRoutes } from './plugin.js';
export type { ManagementOptions } from './context.js';
/** Body checks, for other doors that take Management API shapes (imports). */
export { contentTypeBody, localizedFields, metadataInput } from './parse.js';
export { editorInterfaceBody } from './parse-editor-interface.js';
/** The Management API's JSON for records, for other doors that write its shapes (exports). */
export { assetJson, contentTypeJson, entryJson, localeJson, tagJson } from './serialize.js';
export { editorInterfaceJson } from './routes/editor-interfaces.js';
