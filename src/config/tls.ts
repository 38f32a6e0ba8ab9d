import { readFile } from 'node:fs/promises';
import { createSecureContext } from 'node:tls';
import { ConfigError, type Config } from './config.js';

export interface TlsCredentials {
  cert: Buffer;
  key: Buffer;
}

/** Reads the certificate and key named by the config, proving they form a usable pair before the server starts. */
export async function readTlsCredentials(files: NonNullable<Config['tls']>): Promise<TlsCredentials> {
  const read = async (file: string, variable: string) => {
    try {
      return await readFile(file);
    } catch (err) {
      throw new ConfigError(variable, `cannot read "${file}" (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  };
  const cert = await read(files.certFile, 'FOLIO_TLS_CERT');
  const key = await read(files.keyFile, 'FOLIO_TLS_KEY');
  try {
    createSecureContext({ cert, key });
  } catch (err) {
    throw new ConfigError('FOLIO_TLS_CERT', `the certificate and key are not a usable PEM pair (${(err as Error).message})`);
  }
  return { cert, key };
}
