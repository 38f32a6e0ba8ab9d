/**
 * Asset keys (`POST …/asset_keys` with `{expiresAt}` in Unix seconds, at most 48 hours ahead):
 * `{policy, secret}` for signing embargoed asset URLs (src/images/embargo.ts). A Folio without
 * embargoed assets answers as Contentful answers a space without the feature.
 */
import type { FastifyInstance } from 'fastify';
import { assertCan } from '../../auth/index.js';
import { assetKeyExpiry, createAssetKey, embargoOff } from '../../images/index.js';
import { begin, scoped, type ManagementOptions, type Req } from '../context.js';

export function assetKeyRoutes(app: FastifyInstance, { store, assetKeySigningKey }: ManagementOptions) {
  for (const url of scoped('/asset_keys')) {
    app.post(url, async (request: Req) => {
      const { actor, scope } = await begin(store, request);
      assertCan(actor, 'read');
      if (!assetKeySigningKey) throw embargoOff();
      return createAssetKey(scope.spaceId, assetKeyExpiry(request.body), assetKeySigningKey);
    });
  }
}
