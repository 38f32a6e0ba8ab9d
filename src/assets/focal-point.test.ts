/** Focal points against a real SQLite store and file storage, with real ingest (sharp, the face worker). */
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/support/tmp.js';
import { FolioError } from '../errors/index.js';
import { ensureSpace } from '../setup/space.js';
import { createFsStorage } from '../storage/index.js';
import type { FileStorage } from '../storage/types.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/store.js';
import type { Scope, StoredFile } from '../store/types.js';
import { createAssetWithFile, resolveAssetFile, storedFiles } from './assets.js';
import { fileToken, storedFileToken } from './file-url.js';
import { mergeClientFile, setFocalPoint, validateFocalPoint } from './focal-point.js';

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
  return createAssetWithFile(store, storage, scope, {
    id,
    locale,
    title: id,
    description: '',
    file: { fileName: `${id}.jpg`, contentType: 'image/jpeg', data: await image() },
  });
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

describe('setFocalPoint', () => {
  it('sets and clears the point as a draft update, keeping everything derived from the bytes', async () => {
    const created = await newImageAsset('focal-set');
    const before = await fileOf('focal-set');
    const updated = await setFocalPoint(store, scope, 'focal-set', locale, { x: 0.8, y: 0.3 }, created.sys.version);
    expect(updated.sys.version).toBe(created.sys.version + 1);
    const after = await fileOf('focal-set');
    expect(after.details.image).toEqual({ ...before.details.image, focalPoint: { x: 0.8, y: 0.3 } });
    expect(after.hash).toBe(before.hash);
    expect(after.details.size).toBe(before.details.size);

    await setFocalPoint(store, scope, 'focal-set', locale, null);
    expect((await fileOf('focal-set')).details.image).toEqual(before.details.image);
  });

  it('changes the image URL token with the point, and resolves only the current one', async () => {
    await newImageAsset('focal-token');
    const plain = await fileOf('focal-token');
    const plainToken = storedFileToken(plain);
    expect(plainToken).toBe(fileToken(plain.hash));
    await setFocalPoint(store, scope, 'focal-token', locale, { x: 0.1, y: 0.9 });
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
    const bad = await failure(setFocalPoint(store, scope, 'focal-bad', locale, { x: 2, y: 0 }));
    expect(bad.status).toBe(422);
    expect(bad.message).toContain('for focalPoint but received {"x":2,"y":0}');
    expect((await store.assets.get(scope, 'focal-bad'))!.sys.version).toBe(created.sys.version);

    expect((await failure(setFocalPoint(store, scope, 'no-such-asset', locale, { x: 0.5, y: 0.5 }))).status).toBe(404);
    expect((await failure(setFocalPoint(store, scope, 'focal-bad', locale, { x: 0.5, y: 0.5 }, created.sys.version + 5))).status).toBe(409);
    const noFile = await failure(setFocalPoint(store, scope, 'focal-bad', 'de-DE', { x: 0.5, y: 0.5 }));
    expect(noFile.status).toBe(422);
    expect(noFile.message).toContain('has no image file in locale "de-DE"');

    await createAssetWithFile(store, storage, scope, {
      id: 'focal-pdf',
      locale,
      title: 'A PDF',
      description: '',
      file: { fileName: 'a.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.4 a tiny pdf') },
    });
    expect((await failure(setFocalPoint(store, scope, 'focal-pdf', locale, { x: 0.5, y: 0.5 }))).status).toBe(422);
  });
});

describe('mergeClientFile', () => {
  const stored: StoredFile = {
    fileName: 'team.jpg',
    contentType: 'image/jpeg',
    hash: 'a'.repeat(64),
    details: {
      size: 1234,
      image: { width: 1920, height: 1280, thumbhash: 'abc', dominantColor: '#102030', faces: [{ x: 10, y: 20, width: 30, height: 40 }] },
    },
  };

  it('keeps what Folio derived from the bytes and takes the file name and a valid focal point', () => {
    const client = {
      ...stored,
      fileName: 'renamed.jpg',
      contentType: 'image/png',
      details: { size: 1, image: { width: 1, height: 1, faces: [], dominantColor: '#ffffff', focalPoint: { x: 0.2, y: 0.7 } } },
    } as unknown as StoredFile;
    expect(mergeClientFile(client, stored)).toEqual({
      ...stored,
      fileName: 'renamed.jpg',
      details: { ...stored.details, image: { ...stored.details.image!, focalPoint: { x: 0.2, y: 0.7 } } },
    });
  });

  it('drops the focal point when the client sends none, and refuses an invalid one', async () => {
    const withPoint: StoredFile = { ...stored, details: { ...stored.details, image: { ...stored.details.image!, focalPoint: { x: 0.5, y: 0.5 } } } };
    expect(mergeClientFile({ ...stored, details: { size: 0 } }, withPoint)).toEqual(stored);
    const client = { ...stored, details: { ...stored.details, image: { ...stored.details.image!, focalPoint: { x: 5, y: 0 } } } };
    expect((await failure(() => mergeClientFile(client, stored))).status).toBe(422);
  });

  it('returns another file (another hash, or nothing stored) as it came', () => {
    const other = { ...stored, hash: 'b'.repeat(64) };
    expect(mergeClientFile(other, stored)).toBe(other);
    expect(mergeClientFile(other, undefined)).toBe(other);
  });
});
