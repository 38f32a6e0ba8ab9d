/**
 * Contentful's own paths at the root of Folio's origin (`/spaces/…`, `/content/v1/spaces/…`),
 * for tools that only let you change the host: contentful-migration builds
 * `https://{host}/spaces/{space}/…` itself. Contentful tells its APIs apart by host; one origin
 * tells them apart by the token presented, so a root path is rewritten to the prefixed path of
 * the API that token belongs to before Fastify routes it. The prefixed paths stay the contract.
 *
 * This runs before routing, so it may not refuse anything itself: an unknown token goes to the
 * Delivery API (reads) or the Management API (writes), and that API answers 401 as Contentful
 * does. A write with a read token goes to the Management API, which refuses read tokens.
 */
import type { IncomingMessage } from 'node:http';
import { accessTokenPrefix, hashToken } from '../auth/index.js';
import type { Store } from '../store/store.js';
import type { ApiKeyKind } from '../store/types.js';

const readMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Remembered kinds of known tokens: a key's kind never changes, and a deleted key is refused by the API it is sent to. */
const maxRemembered = 1000;

/** Paths only the Management API has (the current user, the organization): no token decides where they go. */
const managementOnly = /^\/(?:users\/me|organizations)(?:[/?]|$)/;

const assetKeysPath = /^\/spaces\/[^/?]+(?:\/environments\/[^/?]+)?\/asset_keys\/?(?:\?|$)/;

export const isRootApiPath = (url: string | undefined) => !!url && (url.startsWith('/spaces/') || url.startsWith('/content/v1/spaces/') || managementOnly.test(url));

/** The token of a raw request, read as tokens.ts's tokenOf reads it, before Fastify has parsed anything. */
function rawTokenOf(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  if (header) return /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? '';
  const query = request.url?.split('?', 2)[1];
  return query === undefined ? undefined : (new URLSearchParams(query).get('access_token') ?? undefined);
}

export function rootPathRouter(store: Store) {
  const kinds = new Map<string, ApiKeyKind>();

  async function kindOf(token: string | undefined): Promise<ApiKeyKind | undefined> {
    if (!token) return undefined;
    if (token.startsWith(accessTokenPrefix)) return 'management';
    const tokenHash = hashToken(token);
    const known = kinds.get(tokenHash);
    if (known) return known;
    const key = await store.apiKeys.findByTokenHash(tokenHash);
    if (!key) return undefined;
    if (kinds.size >= maxRemembered) kinds.clear();
    kinds.set(tokenHash, key.kind);
    return key.kind;
  }

  /** Rewrites `request.url` in place to the prefixed path of the API that will answer it. */
  return async function route(request: IncomingMessage): Promise<void> {
    const url = request.url!;
    // GraphQL needs no token to be routed: its endpoint is one API for both token kinds.
    if (url.startsWith('/content/')) {
      request.url = `/graphql${url}`;
      return;
    }
    if (managementOnly.test(url)) {
      request.url = `/management${url}`;
      return;
    }
    const kind = await kindOf(rawTokenOf(request));
    // Asset keys are made with a POST on every API: the token tells which one is asked.
    const api = !readMethods.has(request.method ?? 'GET') && !assetKeysPath.test(url) ? 'management' : (kind ?? 'delivery');
    request.url = `/${api}${url}`;
  };
}
