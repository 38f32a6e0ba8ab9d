export { createBackup } from './backup.js';
export { restoreBackup, RestoreError } from './restore.js';
export type { BackupManifest, Progress } from './format.js';
