import { hashPassword, verifyPassword } from '../auth/index.js';
import type { Store } from '../store/store.js';
import { setupLock } from './space.js';

/**
 * Makes FOLIO_ADMIN_EMAIL an admin whose password is FOLIO_ADMIN_PASSWORD: created on first
 * start, and reset when the variable changes, so an operator can always get back in.
 */
export function ensureAdminUser(store: Store, admin: { email: string; password: string }): Promise<'created' | 'updated' | 'unchanged'> {
  return store.exclusively(setupLock, (tx) => ensureIn(tx, admin));
}

async function ensureIn(store: Store, admin: { email: string; password: string }): Promise<'created' | 'updated' | 'unchanged'> {
  const existing = await store.users.findByEmail(admin.email);
  if (!existing) {
    await store.users.create({ email: admin.email, name: admin.email.split('@')[0]!, role: 'admin', passwordHash: await hashPassword(admin.password) });
    return 'created';
  }
  const samePassword = await verifyPassword(existing.passwordHash, admin.password);
  if (samePassword && existing.role === 'admin') return 'unchanged';
  await store.users.update(existing.id, { role: 'admin', ...(samePassword ? {} : { passwordHash: await hashPassword(admin.password) }) });
  return 'updated';
}
