export { deliveryRoutes, type DeliveryOptions } from './routes.js';
