/**
 * A real Folio started twice on one data directory, as an operator does: the first start loads
 * the demo with the face boxes it ships (no detector model loaded), the restart redoes none of
 * the first start's work.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDataDir, startTestFolio } from '../../test/e2e/folio.js';
import { demoAssets } from '../demo/index.js';
import { faceDetectionLoaded } from '../faces/index.js';
import { openStore } from '../store/index.js';

const env = { FOLIO_ADMIN_EMAIL: 'admin@example.com', FOLIO_ADMIN_PASSWORD: 'a long password' };
const scope = { spaceId: 'folio', environmentId: 'master' };

/** What setup leaves behind: every asset's version and file details, the admin's row, the stored files. */
async function setupState(dataDir: string, storeOptions: { sqlitePath: string }) {
  const store = await openStore(storeOptions);
  try {
    const { items } = await store.assets.list(scope, { limit: 100 });
    const assets = Object.fromEntries(items.map((a) => [a.sys.id, { version: a.sys.version, file: (a.fields.file as Record<string, unknown>)['en-US'] }]));
    return { assets, admin: await store.users.findByEmail(env.FOLIO_ADMIN_EMAIL), files: (await fs.readdir(path.join(dataDir, 'files'), { recursive: true })).sort() };
  } finally {
    await store.close();
  }
}

describe('first start and restart with the demo', () => {
  it('loads the demo with its shipped faces and no face model; a restart changes nothing and loads nothing', async () => {
    const dataDir = await makeDataDir();
    try {
      const first = await startTestFolio(env, dataDir);
      await first.close();
      expect(first.demoLoaded).toBe(true);
      expect(first.generatedTokens).toHaveLength(3);
      expect(faceDetectionLoaded()).toBe(false);
      const before = await setupState(dataDir, first.storeOptions);
      for (const asset of demoAssets) {
        expect((before.assets[asset.id]!.file as { details: { image: { faces: unknown } } }).details.image.faces, asset.id).toEqual(asset.faces);
      }

      const again = await startTestFolio(env, dataDir);
      await again.close();
      expect(again.demoLoaded).toBe(false);
      expect(again.generatedTokens).toEqual([]);
      expect(faceDetectionLoaded()).toBe(false);
      expect(await setupState(dataDir, again.storeOptions)).toEqual(before);
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
