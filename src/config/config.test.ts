import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { readTlsCredentials } from './tls.js';

const problem = (env: Record<string, string>) => {
  try {
    loadConfig(env, '/srv/folio');
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('has the defaults of CONTRACT.md', () => {
    const c = loadConfig({}, '/srv/folio');
    expect(c).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/srv/folio/data',
      sqlitePath: '/srv/folio/data/folio.db',
      databaseUrl: undefined,
      publicUrl: 'http://localhost:3000',
      spaceId: 'folio',
      tokens: { delivery: undefined, preview: undefined, management: undefined },
      admin: undefined,
      demo: true,
      deliveryCache: true,
      imageSigningKeys: [],
    });
  });

  it('reads every variable', () => {
    const c = loadConfig(
      {
        PORT: '8080',
        HOST: '0.0.0.0',
        FOLIO_DATA_DIR: 'var',
        DATABASE_URL: 'postgres://u:p@db:5432/folio',
        FOLIO_PUBLIC_URL: 'https://cms.example.com/',
        FOLIO_SPACE_ID: 'news',
        FOLIO_DELIVERY_TOKEN: 'delivery-token-1',
        FOLIO_PREVIEW_TOKEN: 'preview-token-1',
        FOLIO_MANAGEMENT_TOKEN: 'management-token-1',
        FOLIO_ADMIN_EMAIL: 'ed@example.com',
        FOLIO_ADMIN_PASSWORD: 'correct horse',
        FOLIO_DEMO: '0',
      },
      '/srv',
    );
    expect(c).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/srv/var',
      databaseUrl: 'postgres://u:p@db:5432/folio',
      publicUrl: 'https://cms.example.com',
      spaceId: 'news',
      tokens: { delivery: 'delivery-token-1', preview: 'preview-token-1', management: 'management-token-1' },
      admin: { email: 'ed@example.com', password: 'correct horse' },
      demo: false,
    });
  });

  it('reads the upload limit in MB, 1 GB by default', () => {
    expect(loadConfig({}).uploadLimitBytes).toBe(1024 * 1024 * 1024);
    expect(loadConfig({ FOLIO_UPLOAD_LIMIT_MB: '1.5' }).uploadLimitBytes).toBe(1572864);
  });

  it('calls only public webhook targets unless FOLIO_WEBHOOK_ALLOW_PRIVATE=1', () => {
    expect(loadConfig({}).webhookAllowPrivate).toBe(false);
    expect(loadConfig({ FOLIO_WEBHOOK_ALLOW_PRIVATE: '1' }).webhookAllowPrivate).toBe(true);
    expect(() => loadConfig({ FOLIO_WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow(/FOLIO_WEBHOOK_ALLOW_PRIVATE/);
  });

  it('derives the public URL from PORT', () => {
    expect(loadConfig({ PORT: '4000' }).publicUrl).toBe('http://localhost:4000');
  });

  it('serves HTTPS when given a certificate and key, and says https in the default public URL', () => {
    const c = loadConfig({ PORT: '4443', FOLIO_TLS_CERT: 'tls/cert.pem', FOLIO_TLS_KEY: '/etc/folio/key.pem' }, '/srv/folio');
    expect(c.tls).toEqual({ certFile: '/srv/folio/tls/cert.pem', keyFile: '/etc/folio/key.pem' });
    expect(c.publicUrl).toBe('https://localhost:4443');
    expect(loadConfig({}).tls).toBeUndefined();
  });

  it('refuses a certificate that cannot be read, naming the variable', async () => {
    const files = loadConfig({ FOLIO_TLS_CERT: '/nonexistent/cert.pem', FOLIO_TLS_KEY: '/nonexistent/key.pem' }).tls!;
    await expect(readTlsCredentials(files)).rejects.toThrow(/^FOLIO_TLS_CERT: cannot read "\/nonexistent\/cert.pem" \(ENOENT\)$/);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ FOLIO_PUBLIC_URL: 'ftp://x' }, 'FOLIO_PUBLIC_URL'],
    [{ FOLIO_SPACE_ID: 'a b' }, 'FOLIO_SPACE_ID'],
    [{ FOLIO_DEMO: 'yes' }, 'FOLIO_DEMO'],
    [{ FOLIO_DELIVERY_CACHE: 'off' }, 'FOLIO_DELIVERY_CACHE'],
    [{ FOLIO_IMAGE_SIGNING_KEY: 'short' }, 'FOLIO_IMAGE_SIGNING_KEY'],
    [{ FOLIO_DELIVERY_TOKEN: 'short' }, 'FOLIO_DELIVERY_TOKEN'],
    [{ FOLIO_ADMIN_EMAIL: 'ed@example.com' }, 'FOLIO_ADMIN_PASSWORD'],
    [{ FOLIO_ADMIN_PASSWORD: 'long enough' }, 'FOLIO_ADMIN_EMAIL'],
    [{ HOST: 'a b' }, 'HOST'],
    [{ FOLIO_TLS_CERT: 'cert.pem' }, 'FOLIO_TLS_KEY'],
    [{ FOLIO_TLS_KEY: 'key.pem' }, 'FOLIO_TLS_CERT'],
    [{ FOLIO_UPLOAD_LIMIT_MB: '0' }, 'FOLIO_UPLOAD_LIMIT_MB'],
    [{ FOLIO_UPLOAD_LIMIT_MB: 'lots' }, 'FOLIO_UPLOAD_LIMIT_MB'],
  ])('rejects %j naming %s', (env, variable) => {
    const err = problem(env);
    expect(err.variable).toBe(variable);
    expect(err.message.startsWith(`${variable}: `)).toBe(true);
    expect(err.message).not.toContain('\n');
  });
});
