/** The Settings area: the site, content types, API keys and webhooks (users live in people.ts). */
import type { FastifyInstance } from 'fastify';
import type { AdminContext } from '../context.js';
import { apiKeyRoutes } from './api-keys.js';
import { contentTypeAdminRoutes } from './content-types.js';
import { siteSettingsRoutes } from './site-settings.js';
import { webhookAdminRoutes } from './webhooks.js';

export async function settingsRoutes(app: FastifyInstance, opts: { context: AdminContext }) {
  await app.register(apiKeyRoutes, opts);
  await app.register(webhookAdminRoutes, opts);
  await app.register(contentTypeAdminRoutes, opts);
  await app.register(siteSettingsRoutes, opts);
}
