/** The backup folder: manifest.json, db/{table}.ndjson (one row per line), files/{sha256}. */
import path from 'node:path';

export const backupFormat = 'folio-backup';
export const backupFormatVersion = 1;

export interface BackupManifest {
  format: typeof backupFormat;
  formatVersion: number;
  createdAt: string;
  /** The store's newest migration: a backup restores into the same schema only. */
  schema: string;
  /** Where it was made; restores go into either dialect. */
  dialect: 'sqlite' | 'postgres';
  /** Rows per table, checked again on restore. */
  tables: Record<string, number>;
  /** Asset and upload files copied, by content hash. */
  files: number;
  /** Files the database names that storage did not have when the backup was made. */
  missingFiles: string[];
}

export const manifestPath = (dir: string) => path.join(dir, 'manifest.json');
export const tablePath = (dir: string, table: string) => path.join(dir, 'db', `${table}.ndjson`);
export const filePath = (dir: string, hash: string) => path.join(dir, 'files', hash);

/** What the CLI shows while a backup or restore runs. */
export type Progress = (phase: 'tables' | 'files', done: number, total: number, item?: string) => void;
