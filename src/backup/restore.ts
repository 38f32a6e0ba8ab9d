/**
 * `folio restore`: a backup folder into an empty Folio database, SQLite or PostgreSQL whichever
 * the backup came from. Files go to storage first (content-addressed, so a rerun after a crash
 * just finds them there); the rows go in one transaction with the derived tables rebuilt, so a
 * restore is complete or leaves the database empty.
 */
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { isObjectHash, type FileStorage } from '../storage/index.js';
import { portableTables, type PortableRow, type Store } from '../store/index.js';
import { backupFormat, backupFormatVersion, manifestPath, tablePath, type BackupManifest, type Progress } from './format.js';

const batchSize = 200;

export class RestoreError extends Error {
  override name = 'RestoreError';
}

async function readManifest(dir: string): Promise<BackupManifest> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await fs.readFile(manifestPath(dir), 'utf8')) as BackupManifest;
  } catch {
    throw new RestoreError(`${dir} is not a Folio backup (no readable manifest.json)`);
  }
  if (manifest.format !== backupFormat || manifest.formatVersion !== backupFormatVersion) {
    throw new RestoreError(`${dir} is not a Folio backup of format ${backupFormatVersion} (found ${String(manifest.format)} ${String(manifest.formatVersion)})`);
  }
  return manifest;
}

export async function restoreBackup(options: { store: Store; storage: FileStorage; from: string; onProgress?: Progress }): Promise<BackupManifest> {
  const { store, storage } = options;
  const dir = path.resolve(options.from);
  const manifest = await readManifest(dir);
  const schema = await store.portable.schemaVersion();
  if (manifest.schema !== schema) {
    throw new RestoreError(`The backup's schema is ${manifest.schema}; this Folio's is ${schema}. Restore with the Folio version that made it, then upgrade.`);
  }
  if (!(await store.portable.isEmpty())) throw new RestoreError('The database is not empty: restore into a new database (a new FOLIO_DATA_DIR or DATABASE_URL)');

  const files = (await fs.readdir(path.join(dir, 'files'))).filter(isObjectHash);
  for (const [i, hash] of files.entries()) {
    options.onProgress?.('files', i, files.length, hash);
    if (await storage.has(hash)) continue;
    const stored = await storage.putStream(createReadStream(path.join(dir, 'files', hash)));
    if (stored.hash !== hash) throw new RestoreError(`files/${hash} does not hold the bytes its name promises (their hash is ${stored.hash})`);
  }
  options.onProgress?.('files', files.length, files.length);

  await store.transaction(async (tx) => {
    if (!(await tx.portable.isEmpty())) throw new RestoreError('The database is not empty: restore into a new database');
    await tx.portable.prepareRestore();
    for (const [i, table] of portableTables.entries()) {
      options.onProgress?.('tables', i, portableTables.length, table);
      let count = 0;
      let batch: PortableRow[] = [];
      const lines = createInterface({ input: createReadStream(tablePath(dir, table)), crlfDelay: Infinity });
      for await (const line of lines) {
        if (line === '') continue;
        batch.push(JSON.parse(line) as PortableRow);
        if (batch.length === batchSize) {
          await tx.portable.insert(table, batch);
          count += batch.length;
          batch = [];
        }
      }
      await tx.portable.insert(table, batch);
      count += batch.length;
      if (count !== manifest.tables[table]) throw new RestoreError(`db/${table}.ndjson has ${count} rows; the manifest says ${manifest.tables[table] ?? 0}`);
    }
    await tx.portable.rebuildDerived();
  });
  options.onProgress?.('tables', portableTables.length, portableTables.length);
  return manifest;
}
