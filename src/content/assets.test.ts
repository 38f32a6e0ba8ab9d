/** The asset domain against a real SQLite store and file storage, with real ingest (sharp, the face worker): focal points, publish rules. */
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/support/tmp.js';
import { fileToken, resolveAssetFile, storedFiles, storedFileToken, validateFocalPoint } from '../assets/index.js';
import { systemActor } from '../auth/index.js';
import { FolioError } from '../errors/index.js';
import { ensureSpace } from '../setup/space.js';
import { createFsStorage } from '../storage/index.js';
import type { FileStorage } from '../storage/types.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/store.js';
import type { Scope } from '../store/types.js';
import { createAssetFromFile, publishAsset, updateAssetLocale } from './assets.js';

const dir = useTempDir('folio-focal-');
let store: Store;
let storage: FileStorage;
let scope: Scope;
const locale = 'en-US';

async function failure(p: Promise<unknown> | (() => unknown)): Promise<FolioError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    if (err instanceof FolioError) return err;
    throw err;
  }
  throw new Error('expected a FolioError');
}

const image = () => sharp({ create: { width: 600, height: 400, channels: 3, background: '#c04040' } }).jpeg().toBuffer();

async function newImageAsset(id: string) {
  const file = { fileName: `${id}.jpg`, contentType: 'image/jpeg', data: await image() };
  return createAssetFromFile(store, storage, scope, { id, locale, title: id, description: '', file }, systemActor);
}

const fileOf = async (id: string) => storedFiles((await store.assets.get(scope, id))!)[0]!;

beforeAll(async () => {
  store = await openStore({ sqlitePath: path.join(dir(), 'folio.db') });
  storage = createFsStorage(path.join(dir(), 'files'));
  scope = await ensureSpace(store, 'folio');
  return () => store.close();
});

describe('validateFocalPoint', () => {
  it('takes {x, y} in 0..1, and null or nothing as none', () => {
    expect(validateFocalPoint({ x: 0, y: 1 })).toEqual({ x: 0, y: 1 });
    expect(validateFocalPoint({ y: 0.25, x: 0.75 })).toEqual({ x: 0.75, y: 0.25 });
    expect(validateFocalPoint(null)).toBeNull();
    expect(validateFocalPoint(undefined)).toBeNull();
  });

  it.each([
    [{ x: 1.2, y: 0.5 }],
    [{ x: -0.1, y: 0.5 }],
    [{ x: '0.5', y: 0.5 }],
    [{ x: 0.5 }],
    [{ x: 0.5, y: 0.5, z: 0 }],
    [{ x: Number.NaN, y: 0.5 }],
    [[0.5, 0.5]],
    ['center'],
  ])('refuses %j with a 422 that says what it expects', async (value) => {
    const err = await failure(() => validateFocalPoint(value));
    expect(err.status).toBe(422);
    expect(err.id).toBe('ValidationFailed');
    expect(err.message).toMatch(/^Expected an object \{"x", "y"\} with numbers from 0 to 1 .* for focalPoint but received /);
  });
});

describe('updateAssetLocale: focal point', () => {
  it('sets and clears the point as a draft update, keeping everything derived from the bytes', async () => {
    const created = await newImageAsset('focal-set');
    const before = await fileOf('focal-set');
    const updated = await updateAssetLocale(store, scope, { id: 'focal-set', locale, focalPoint: { x: 0.8, y: 0.3 }, version: created.sys.version }, systemActor);
    expect(updated.sys.version).toBe(created.sys.version + 1);
    const after = await fileOf('focal-set');
    expect(after.details.image).toEqual({ ...before.details.image, focalPoint: { x: 0.8, y: 0.3 } });
    expect(after.hash).toBe(before.hash);
    expect(after.details.size).toBe(before.details.size);

    await updateAssetLocale(store, scope, { id: 'focal-set', locale, focalPoint: null }, systemActor);
    expect((await fileOf('focal-set')).details.image).toEqual(before.details.image);
  });

  it('changes the image URL token with the point, and resolves only the current one', async () => {
    await newImageAsset('focal-token');
    const plain = await fileOf('focal-token');
    const plainToken = storedFileToken(plain);
    expect(plainToken).toBe(fileToken(plain.hash));
    await updateAssetLocale(store, scope, { id: 'focal-token', locale, focalPoint: { x: 0.1, y: 0.9 } }, systemActor);
    const pointed = await fileOf('focal-token');
    const token = storedFileToken(pointed);
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(token).not.toBe(plainToken);
    const resolved = await resolveAssetFile(store, storage, scope, 'focal-token', token);
    expect(resolved?.focus).toEqual({ focalPoint: { x: 0.1, y: 0.9 } });
    expect(await resolveAssetFile(store, storage, scope, 'focal-token', plainToken)).toBeUndefined();
  });

  it('refuses a bad point, a missing asset, a stale version and a file that is not an image', async () => {
    const created = await newImageAsset('focal-bad');
    const bad = await failure(updateAssetLocale(store, scope, { id: 'focal-bad', locale, focalPoint: { x: 2, y: 0 } }, systemActor));
    expect(bad.status).toBe(422);
    expect(bad.message).toContain('for fields.file.en-US.details.image.focalPoint but received {"x":2,"y":0}');
    expect((await store.assets.get(scope, 'focal-bad'))!.sys.version).toBe(created.sys.version);

    expect((await failure(updateAssetLocale(store, scope, { id: 'no-such-asset', locale, focalPoint: { x: 0.5, y: 0.5 } }, systemActor))).status).toBe(404);
    expect((await failure(updateAssetLocale(store, scope, { id: 'focal-bad', locale, focalPoint: { x: 0.5, y: 0.5 }, version: created.sys.version + 5 }, systemActor))).status).toBe(409);
    const noFile = await failure(updateAssetLocale(store, scope, { id: 'focal-bad', locale: 'de-DE', focalPoint: { x: 0.5, y: 0.5 } }, systemActor));
    expect(noFile.status).toBe(422);
    expect(noFile.message).toContain('has no image file in locale "de-DE"');

    const pdf = { fileName: 'a.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.4 a tiny pdf') };
    await createAssetFromFile(store, storage, scope, { id: 'focal-pdf', locale, title: 'A PDF', description: '', file: pdf }, systemActor);
    expect((await failure(updateAssetLocale(store, scope, { id: 'focal-pdf', locale, focalPoint: { x: 0.5, y: 0.5 } }, systemActor))).status).toBe(422);
  });
});

