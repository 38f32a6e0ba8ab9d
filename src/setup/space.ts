import type { Store } from '../store/store.js';
import type { Scope } from '../store/types.js';

export const defaultLocale = 'en-US';

/** Names the lock every first-start step takes: servers started together set up once. */
export const setupLock = 'setup';

/** Creates the configured space with environment `master` and locale en-US, once. */
export async function ensureSpace(store: Store, spaceId: string): Promise<Scope> {
  const scope = { spaceId, environmentId: 'master' };
  await store.exclusively(setupLock, async (tx) => {
    if (!(await tx.spaces.get(spaceId))) {
      await tx.spaces.create({ id: spaceId, name: 'Folio', defaultLocale });
    }
    if (!(await tx.environments.get(spaceId, 'master'))) {
      await tx.environments.create(spaceId, { id: 'master', name: 'master' });
    }
    if ((await tx.locales.list(scope)).length === 0) {
      await tx.locales.create(scope, {
        code: defaultLocale,
        name: 'English (United States)',
        default: true,
        fallbackCode: null,
        optional: false,
        contentDeliveryApi: true,
        contentManagementApi: true,
      });
    }
  });
  return scope;
}
