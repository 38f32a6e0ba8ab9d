export { loadConfig, ConfigError, type Config } from './config.js';
export { ensureDataDir } from './data-dir.js';
