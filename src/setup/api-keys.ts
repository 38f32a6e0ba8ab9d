import { generateToken, hashToken } from '../auth/index.js';
import { ConfigError } from '../config/index.js';
import type { Store } from '../store/store.js';
import type { ApiKeyKind } from '../store/types.js';
import { setupLock } from './space.js';

const kinds: ApiKeyKind[] = ['delivery', 'preview', 'management'];

/**
 * Makes sure each kind of key exists. A configured token gets a key of its own if it has none;
 * a kind with no key at all gets a generated token, returned so the caller can show it once.
 */
export async function ensureApiKeys(
  store: Store,
  spaceId: string,
  configured: Partial<Record<ApiKeyKind, string>>,
): Promise<Array<{ kind: ApiKeyKind; token: string }>> {
  return store.exclusively(setupLock, async (tx) => {
    const existing = await tx.apiKeys.list(spaceId);
    const generated: Array<{ kind: ApiKeyKind; token: string }> = [];
    for (const kind of kinds) {
      const fromEnv = configured[kind];
      if (fromEnv !== undefined) {
        const tokenHash = hashToken(fromEnv);
        const key = await tx.apiKeys.findByTokenHash(tokenHash);
        if (key && key.kind !== kind) {
          throw new ConfigError(`FOLIO_${kind.toUpperCase()}_TOKEN`, `this token already belongs to a ${key.kind} key`);
        }
        if (!key) {
          await tx.apiKeys.create({ spaceId, kind, name: `${kind} (from environment)`, tokenHash, environments: ['master'] });
        }
      } else if (!existing.some((k) => k.kind === kind)) {
        const token = generateToken();
        await tx.apiKeys.create({ spaceId, kind, name: `${kind} (generated)`, tokenHash: hashToken(token), environments: ['master'] });
        generated.push({ kind, token });
      }
    }
    return generated;
  });
}
