/** The public hub alone on a Fastify app (answered with `inject`), over the given store. */
import Fastify, { type FastifyInstance } from 'fastify';
import { installErrorHandling } from '../../src/http/error-handler.js';
import { siteName, siteRoutes, type SiteOptions } from '../../src/site/routes.js';
import { renderError, renderNotFound } from '../../src/site/views/index.js';
import type { Store } from '../../src/store/index.js';
import type { Scope } from '../../src/store/types.js';

export const hubPublicUrl = 'https://hub.example';

export async function hubApp(store: Store, scope: Scope, options: Omit<SiteOptions, 'context'> = {}): Promise<FastifyInstance> {
  const app = Fastify();
  installErrorHandling(app, {
    notFound: (request) => renderNotFound({ siteName, path: request.url }),
    error: (status) => renderError({ siteName, status }),
  });
  await app.register(siteRoutes, { context: { store, scope, publicUrl: hubPublicUrl, locale: 'en-US' }, previewSecret: 'test-secret', ...options });
  return app;
}
