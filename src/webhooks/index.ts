export { webhooksRoutes } from './routes.js';
export { webhookDispatcher, wakeDecorator } from './plugin.js';
export { createDispatcher, dispatcherDefaults, backoffDelay, type Dispatcher, type DispatcherOptions } from './dispatcher.js';
export { sign, verifySignature, signatureHeader } from './signature.js';
export { Poller } from './poller.js';
export { topicMatches, normalizeTopic } from './topics.js';
export { filtersMatch } from './filters.js';
export { webhookPayload } from './payload.js';
export { authorize, collection, pageQuery, sendJson, versionHeader } from './http.js';
export {
  createWebhook,
  updateWebhook,
  putWebhook,
  deleteWebhook,
  getWebhook,
  listWebhooks,
  listWebhookCalls,
  getWebhookCall,
  webhookHealth,
} from './operations.js';
export { entityTypes as webhookEntityTypes, actions as webhookActions } from './topics.js';
export { generateSecret } from './definition-input.js';
export { publicTargetsOnly, refusedRange, resolveTarget, pinnedLookup, TargetRefused, type TargetPolicy } from './target.js';
