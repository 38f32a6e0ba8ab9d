export { deliveryRoutes, type DeliveryOptions } from './routes.js';
export { parseDeliveryQuery, applySelect, type DeliveryQuery } from './query.js';
export { chooseLocale, type LocaleChoice } from './locales.js';
