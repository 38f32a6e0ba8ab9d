/**
 * Asset keys (`POST …/asset_keys` with `{expiresAt}` in Unix seconds, at most 48 hours ahead):
 * `{policy, secret}` for signing embargoed asset URLs (src/images/embargo.ts). A Folio without
 * embargoed assets answers as Contentful answers a space without the feature.
 */
import type { FastifyInstance } from 'fastify';
import { assertCan } from '../../auth/index.js';
import { FolioError, refused } from '../../errors/index.js';
import { createAssetKey, maxAssetKeySeconds } from '../../images/index.js';
import * as is from '../../validate/is.js';
import { begin, scoped, type ManagementOptions, type Req } from '../context.js';
import { bodyObject } from '../parse.js';

/** expiresAt as Contentful checks it: whole seconds, not past, no more than 48 hours ahead. */
export function assetKeyExpiry(body: unknown, now = Date.now()): number {
  const { expiresAt } = bodyObject(body);
  const seconds = Math.floor(now / 1000);
  if (!is.integer(expiresAt)) throw refused('type', ['expiresAt'], 'expiresAt must be a Unix timestamp in whole seconds', expiresAt);
  if (expiresAt < seconds) throw refused('range', ['expiresAt'], `expiresAt (${expiresAt}) cannot be in the past, current time was ${seconds}`, expiresAt);
  if (expiresAt > seconds + maxAssetKeySeconds) throw refused('range', ['expiresAt'], `expiresAt (${expiresAt}) cannot be more than 48 hours in the future`, expiresAt);
  return expiresAt;
}

export function assetKeyRoutes(app: FastifyInstance, { store, assetKeySigningKey }: ManagementOptions) {
  for (const url of scoped('/asset_keys')) {
    app.post(url, async (request: Req) => {
      const { actor, scope } = await begin(store, request);
      assertCan(actor, 'read');
      if (!assetKeySigningKey) throw new FolioError('FEATURE_NOT_AVAILABLE', undefined, { details: { reasons: 'Embargoed assets are off: set FOLIO_EMBARGOED_ASSETS=1' } });
      return createAssetKey(scope.spaceId, assetKeyExpiry(request.body), assetKeySigningKey);
    });
  }
}
