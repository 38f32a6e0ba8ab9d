/**
 * `folio import`, `folio export`, `folio backup`, `folio restore`: each opens the store and the
 * file storage the configuration names (as `folio serve` would), runs one library call from
 * src/transfer or src/backup with progress on stderr, and prints a summary.
 */
import path from 'node:path';
import { createBackup, restoreBackup, RestoreError } from '../backup/index.js';
import { ensureDataDir, loadConfig, type Config } from '../config/index.js';
import { openStorage, type FileStorage } from '../storage/index.js';
import { openStore, type Store } from '../store/index.js';
import type { Scope } from '../store/types.js';
import { exportSpace, importSpace, type ImportSummary } from '../transfer/index.js';
import { phaseProgress, table } from './progress.js';
import { UsageError } from './exit-codes.js';

async function withStore<T>(fn: (parts: { config: Config; store: Store; storage: FileStorage }) => Promise<T>): Promise<T> {
  const config = loadConfig();
  await ensureDataDir(config.dataDir);
  const store = await openStore({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  try {
    const storage = await openStorage(config.storage, config.dataDir);
    try {
      return await fn({ config, store, storage: storage.files });
    } finally {
      storage.close();
    }
  } finally {
    await store.close();
  }
}

async function scopeOf(store: Store, config: Config, environment: string | undefined): Promise<Scope> {
  const scope = { spaceId: config.spaceId, environmentId: environment ?? 'master' };
  if (!(await store.spaces.get(scope.spaceId))) throw new UsageError(`Space "${scope.spaceId}" does not exist yet: start Folio once (folio serve) to create it`);
  if (!(await store.environments.get(scope.spaceId, scope.environmentId))) throw new UsageError(`Environment "${scope.environmentId}" does not exist in space "${scope.spaceId}"`);
  return scope;
}

export interface ImportCommandOptions {
  assetsDir?: string;
  environment?: string;
}

/** Exit code 0 when everything was imported, 1 when some items were refused (listed on stderr). */
export async function importCommand(file: string, options: ImportCommandOptions): Promise<number> {
  return withStore(async ({ config, store, storage }) => {
    const scope = await scopeOf(store, config, options.environment);
    const progress = phaseProgress();
    const t0 = performance.now();
    let summary: ImportSummary;
    try {
      summary = await importSpace({ store, storage, scope, file: path.resolve(file), ...(options.assetsDir ? { assetsDir: options.assetsDir } : {}), maxFileBytes: config.uploadLimitBytes, onProgress: (phase, fraction, done) => progress.update(phase, fraction, done) });
    } finally {
      progress.stop();
    }
    const outcomes = ['created', 'updated', 'unchanged', 'published', 'archived', 'failed'] as const;
    const rows = Object.entries(summary.counts).map(([phase, counts]) => [phase, ...outcomes.map((o) => counts[o as keyof typeof counts] ?? 0)]);
    process.stdout.write(table(['phase', ...outcomes], rows));
    for (const f of summary.failures) process.stderr.write(`not imported: ${f.type} ${f.id || '(no id)'} (${f.phase}): ${f.message}\n`);
    process.stdout.write(`Imported into ${scope.spaceId}/${scope.environmentId} in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${summary.failures.length} item(s) refused.\n`);
    return summary.failures.length === 0 ? 0 : 1;
  });
}

export interface ExportCommandOptions {
  environment?: string;
  out?: string;
  downloadAssets?: boolean;
  includeDrafts?: boolean;
  includeArchived?: boolean;
}

export async function exportCommand(options: ExportCommandOptions): Promise<number> {
  return withStore(async ({ config, store, storage }) => {
    const scope = await scopeOf(store, config, options.environment);
    const progress = phaseProgress();
    try {
      const result = await exportSpace({
        store,
        storage,
        scope,
        publicUrl: config.publicUrl,
        out: path.resolve(options.out ?? '.'),
        downloadAssets: options.downloadAssets === true,
        includeDrafts: options.includeDrafts === true,
        includeArchived: options.includeArchived === true,
        onProgress: (section, done) => progress.update(section, undefined, done),
      });
      progress.stop();
      process.stdout.write(table(['section', 'items'], Object.entries(result.counts)));
      process.stdout.write(`${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB${options.downloadAssets ? `, ${result.files} asset files` : ''})\n`);
      return 0;
    } finally {
      progress.stop();
    }
  });
}

export async function backupCommand(options: { out: string }): Promise<number> {
  return withStore(async ({ store, storage }) => {
    const progress = phaseProgress();
    try {
      const manifest = await createBackup({ store, storage, out: options.out, onProgress: (phase, done, total) => progress.update(phase, total ? done / total : undefined, done) });
      progress.stop();
      process.stdout.write(table(['table', 'rows'], Object.entries(manifest.tables)));
      process.stdout.write(`${path.resolve(options.out)}: ${manifest.files} files${manifest.missingFiles.length ? `; ${manifest.missingFiles.length} files named by the database were missing from storage` : ''}\n`);
      return manifest.missingFiles.length === 0 ? 0 : 1;
    } finally {
      progress.stop();
    }
  });
}

export async function restoreCommand(from: string): Promise<number> {
  return withStore(async ({ store, storage }) => {
    const progress = phaseProgress();
    try {
      const manifest = await restoreBackup({ store, storage, from, onProgress: (phase, done, total) => progress.update(phase, total ? done / total : undefined, done) }).catch((err: unknown) => {
        throw err instanceof RestoreError ? new UsageError(err.message) : err;
      });
      progress.stop();
      process.stdout.write(`Restored a ${manifest.dialect} backup of ${manifest.createdAt}: ${Object.values(manifest.tables).reduce((a, b) => a + b, 0)} rows, ${manifest.files} files\n`);
      return 0;
    } finally {
      progress.stop();
    }
  });
}
