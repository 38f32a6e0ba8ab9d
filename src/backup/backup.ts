/**
 * `folio backup`: one consistent moment of the database (read inside Store.snapshot, so writes
 * may go on meanwhile) and every file it names, in a folder that restores into SQLite or
 * PostgreSQL. Written beside the target and renamed into place, so a crash leaves no half backup.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { once } from 'node:events';
import { isStoredFile } from '../assets/index.js';
import type { FileStorage } from '../storage/index.js';
import { portableTables, type PortableRow, type Store } from '../store/index.js';
import { backupFormat, backupFormatVersion, filePath, manifestPath, tablePath, type BackupManifest, type Progress } from './format.js';

const pageSize = 1000;

/** Content hashes of the files a row names: asset files in drafts and published versions, and uploads. */
function filesOfRow(table: string, row: PortableRow): string[] {
  if (table === 'uploads') return typeof row.hash === 'string' ? [row.hash] : [];
  if ((table !== 'resources' && table !== 'published') || row.kind !== 'Asset' || typeof row.data !== 'string') return [];
  const file = (JSON.parse(row.data) as { file?: Record<string, unknown> }).file;
  return Object.values(file ?? {}).flatMap((f) => (isStoredFile(f as never) ? [(f as { hash: string }).hash] : []));
}

async function writeLine(out: NodeJS.WritableStream, line: string) {
  if (!out.write(line)) await once(out, 'drain');
}

export async function createBackup(options: { store: Store; storage: FileStorage; out: string; onProgress?: Progress }): Promise<BackupManifest> {
  const { store, storage } = options;
  const out = path.resolve(options.out);
  if (await fs.stat(out).then(() => true, () => false)) throw new Error(`${out} already exists; name a new folder for the backup`);
  const unaccounted = await store.portable.unaccountedTables();
  if (unaccounted.length > 0) throw new Error(`This Folio has tables the backup format does not know: ${unaccounted.join(', ')}`);

  const work = `${out}.partial-${randomBytes(4).toString('hex')}`;
  await fs.mkdir(path.join(work, 'db'), { recursive: true });
  await fs.mkdir(path.join(work, 'files'));
  try {
    const hashes = new Set<string>();
    const tables: Record<string, number> = Object.create(null);
    const schema = await store.snapshot(async (view) => {
      for (const [i, table] of portableTables.entries()) {
        options.onProgress?.('tables', i, portableTables.length, table);
        const file = createWriteStream(tablePath(work, table));
        let count = 0;
        for (let offset = 0; ; offset += pageSize) {
          const rows = await view.portable.rows(table, offset, pageSize);
          for (const row of rows) {
            await writeLine(file, `${JSON.stringify(row)}\n`);
            for (const hash of filesOfRow(table, row)) hashes.add(hash);
          }
          count += rows.length;
          if (rows.length < pageSize) break;
        }
        file.end();
        await once(file, 'close');
        tables[table] = count;
      }
      options.onProgress?.('tables', portableTables.length, portableTables.length);
      return view.portable.schemaVersion();
    });

    const missingFiles: string[] = [];
    let copied = 0;
    for (const hash of hashes) {
      options.onProgress?.('files', copied, hashes.size, hash);
      const source = await storage.stream(hash);
      if (!source) {
        missingFiles.push(hash);
        continue;
      }
      await pipeline(source, createWriteStream(filePath(work, hash)));
      copied++;
    }
    options.onProgress?.('files', hashes.size, hashes.size);

    const manifest: BackupManifest = {
      format: backupFormat,
      formatVersion: backupFormatVersion,
      createdAt: new Date().toISOString(),
      schema,
      dialect: store.dialect,
      tables: { ...tables },
      files: copied,
      missingFiles,
    };
    await fs.writeFile(manifestPath(work), `${JSON.stringify(manifest, null, 2)}\n`);
    await fs.rename(work, out);
    return manifest;
  } catch (err) {
    await fs.rm(work, { recursive: true, force: true });
    throw err;
  }
}
