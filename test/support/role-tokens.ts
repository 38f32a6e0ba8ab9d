/** A user per non-admin role, each with a personal access token for the Management API. */
import { addUser, createAccessToken, systemActor } from '../../src/auth/index.js';
import type { Store } from '../../src/store/store.js';

export type UserRole = 'viewer' | 'author' | 'editor';

export async function roleTokens(store: Store): Promise<Record<UserRole, string>> {
  const tokens = {} as Record<UserRole, string>;
  for (const role of ['viewer', 'author', 'editor'] as const) {
    const user = await addUser(store, systemActor, { email: `${role}@example.com`, name: role, role, password: 'a long enough password' });
    tokens[role] = (await createAccessToken(store, user.id, { name: role })).token;
  }
  return tokens;
}
