export { loadConfig, ConfigError, type Config, type StorageSettings } from './config.js';
export { ensureDataDir, imageCacheDir } from './data-dir.js';
export { readTlsCredentials, type TlsCredentials } from './tls.js';
