/**
 * Checks an e-mail and password. Unknown addresses cost the same argon2 work as known ones, and
 * both failures look alike, so answers do not tell which addresses have accounts.
 */
import type { Store } from '../store/store.js';
import type { UserRecord } from '../store/types.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { invitedPasswordHash } from './users.js';

let decoy: Promise<string> | undefined;

export async function checkCredentials(store: Store, email: string, password: string): Promise<UserRecord | undefined> {
  const user = email ? await store.users.findByEmail(email.trim()) : undefined;
  // An invited account (no password yet) costs the same work too: answers do not tell it apart.
  if (!user || user.passwordHash === invitedPasswordHash) {
    decoy ??= hashPassword('folio-decoy-password');
    await verifyPassword(await decoy, password);
    return undefined;
  }
  return (await verifyPassword(user.passwordHash, password)) ? user : undefined;
}
