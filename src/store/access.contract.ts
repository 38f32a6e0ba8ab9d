/** Sessions and personal access tokens: part of the Store contract, run on both dialects. */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './store.js';

const hash = () => randomBytes(32).toString('hex');

export function describeAccessContract(name: string, open: () => Promise<Store>) {
  describe(`Store contract (sessions, tokens): ${name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(() => store?.close());

    const user = () => store.users.create({ email: `u-${hash().slice(0, 8)}@example.com`, name: 'U', role: 'editor', passwordHash: 'h' });

    it('create, find, touch and delete sessions; expired ones are swept', async () => {
      const u = await user();
      const live = await store.sessions.create({ idHash: hash(), userId: u.id, createdAt: '2030-01-01T00:00:00.000Z', expiresAt: '2030-01-15T00:00:00.000Z' });
      const old = await store.sessions.create({ idHash: hash(), userId: u.id, createdAt: '2020-01-01T00:00:00.000Z', expiresAt: '2020-01-15T00:00:00.000Z' });
      expect(live.lastSeenAt).toBe(live.createdAt);
      expect(await store.sessions.find(live.idHash)).toEqual(live);
      await store.sessions.touch(live.idHash, '2030-01-02T00:00:00.000Z');
      expect((await store.sessions.find(live.idHash))?.lastSeenAt).toBe('2030-01-02T00:00:00.000Z');
      expect(await store.sessions.deleteExpired('2025-01-01T00:00:00.000Z')).toBeGreaterThanOrEqual(1);
      expect(await store.sessions.find(old.idHash)).toBeUndefined();
      await store.sessions.delete(live.idHash);
      expect(await store.sessions.find(live.idHash)).toBeUndefined();
      await expect(store.sessions.create({ idHash: hash(), userId: 'ghost', createdAt: 'x', expiresAt: 'y' })).rejects.toMatchObject({ id: 'NotFound' });
    });

    it('keep tokens hashed, list them newest first, revoke only the owner’s', async () => {
      const [a, b] = [await user(), await user()];
      const first = await store.accessTokens.create({ userId: a.id, name: 'CI', tokenHash: hash(), expiresAt: null });
      const second = await store.accessTokens.create({ userId: a.id, name: 'Laptop', tokenHash: hash(), expiresAt: '2031-01-01T00:00:00.000Z' });
      expect(await store.accessTokens.findByTokenHash(first.tokenHash)).toEqual(first);
      expect((await store.accessTokens.listForUser(a.id)).map((t) => t.id).sort()).toEqual([first.id, second.id].sort());
      expect(await store.accessTokens.listForUser(b.id)).toEqual([]);
      await expect(store.accessTokens.revoke(b.id, first.id)).rejects.toMatchObject({ id: 'NotFound' });
      const revoked = await store.accessTokens.revoke(a.id, first.id);
      expect(revoked.revokedAt).not.toBeNull();
      expect((await store.accessTokens.revoke(a.id, first.id)).revokedAt).toBe(revoked.revokedAt);
      await store.accessTokens.markUsed(second.id, '2030-05-05T00:00:00.000Z');
      expect((await store.accessTokens.findByTokenHash(second.tokenHash))?.lastUsedAt).toBe('2030-05-05T00:00:00.000Z');
      await expect(store.accessTokens.create({ userId: b.id, name: 'dup', tokenHash: first.tokenHash, expiresAt: null })).rejects.toMatchObject({ id: 'ValidationFailed' });
    });

    it('remove a user with their sessions and tokens', async () => {
      const u = await user();
      const s = await store.sessions.create({ idHash: hash(), userId: u.id, createdAt: '2030-01-01T00:00:00.000Z', expiresAt: '2030-02-01T00:00:00.000Z' });
      const t = await store.accessTokens.create({ userId: u.id, name: 'x', tokenHash: hash(), expiresAt: null });
      expect(await store.users.get(u.id)).toEqual(u);
      await store.users.delete(u.id);
      expect(await store.users.get(u.id)).toBeUndefined();
      expect(await store.sessions.find(s.idHash)).toBeUndefined();
      expect(await store.accessTokens.findByTokenHash(t.tokenHash)).toBeUndefined();
      await expect(store.users.delete(u.id)).rejects.toMatchObject({ id: 'NotFound' });
    });
  });
}
