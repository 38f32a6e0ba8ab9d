export { deliveryRoutes, type DeliveryOptions } from './routes.js';
export { createReader, type Reader } from './reader.js';
export { createAuthenticator } from './auth.js';
export { ResponseCache, etagOf, type CachedResponse, type ResponseDep } from './response-cache.js';
