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

  it('reads the webhook timeout and lease, the lease longer than the timeout', () => {
    expect(loadConfig({})).toMatchObject({ webhookTimeoutMs: 10_000, webhookLeaseMs: 40_000 });
    expect(loadConfig({ FOLIO_WEBHOOK_TIMEOUT: '2', FOLIO_WEBHOOK_LEASE: '5' })).toMatchObject({ webhookTimeoutMs: 2000, webhookLeaseMs: 5000 });
    expect(() => loadConfig({ FOLIO_WEBHOOK_TIMEOUT: '5', FOLIO_WEBHOOK_LEASE: '5' })).toThrow(/FOLIO_WEBHOOK_LEASE: must be longer/);
    expect(() => loadConfig({ FOLIO_WEBHOOK_TIMEOUT: '0' })).toThrow(/FOLIO_WEBHOOK_TIMEOUT/);
  });

  it('reads DATABASE_REPLICA_URL only beside DATABASE_URL', () => {
    expect(loadConfig({}).databaseReplicaUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: 'postgres://db/folio', DATABASE_REPLICA_URL: 'postgres://replica/folio' }).databaseReplicaUrl).toBe('postgres://replica/folio');
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'postgres://replica/folio' })).toThrow(/DATABASE_REPLICA_URL: needs DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/folio', DATABASE_REPLICA_URL: 'mysql://replica/folio' })).toThrow(/DATABASE_REPLICA_URL: unsupported scheme/);
  });

  it('calls only public webhook targets unless FOLIO_WEBHOOK_ALLOW_PRIVATE=1', () => {
    expect(loadConfig({}).webhookAllowPrivate).toBe(false);
    expect(loadConfig({ FOLIO_WEBHOOK_ALLOW_PRIVATE: '1' }).webhookAllowPrivate).toBe(true);
    expect(() => loadConfig({ FOLIO_WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow(/FOLIO_WEBHOOK_ALLOW_PRIVATE/);
  });

  it('keeps files in the data dir unless FOLIO_STORAGE=s3 names a bucket', () => {
    expect(loadConfig({}).storage).toEqual({ kind: 'fs' });
    expect(
      loadConfig({ FOLIO_STORAGE: 's3', FOLIO_S3_BUCKET: 'folio-files', FOLIO_S3_ENDPOINT: 'http://minio:9000', FOLIO_S3_FORCE_PATH_STYLE: '1' }).storage,
    ).toEqual({ kind: 's3', bucket: 'folio-files', endpoint: 'http://minio:9000', region: 'us-east-1', forcePathStyle: true, credentials: undefined });
    expect(loadConfig({ FOLIO_STORAGE: 's3', FOLIO_S3_BUCKET: 'b12', FOLIO_S3_REGION: 'eu-west-1' }).storage).toEqual({
      kind: 's3',
      bucket: 'b12',
      endpoint: undefined,
      region: 'eu-west-1',
      forcePathStyle: false,
      credentials: undefined,
    });
    const keys = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret/key' };
    expect(loadConfig({ FOLIO_STORAGE: 's3', FOLIO_S3_BUCKET: 'b12', ...keys }).storage).toMatchObject({
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret/key' },
    });
  });

  it('reads the operations settings', () => {
    expect(loadConfig({})).toMatchObject({ shutdownTimeoutMs: 25_000, logSample: 1, facesIdleMs: 60_000, trustProxy: [] });
    expect(loadConfig({ FOLIO_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', '::1']);
    expect(loadConfig({ FOLIO_SHUTDOWN_TIMEOUT: '5', FOLIO_LOG_SAMPLE: '0.05', FOLIO_FACES_IDLE_MS: '0' })).toMatchObject({
      shutdownTimeoutMs: 5000,
      logSample: 0.05,
      facesIdleMs: 0,
    });
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
    [{ FOLIO_STORAGE: 'gcs' }, 'FOLIO_STORAGE'],
    [{ FOLIO_SHUTDOWN_TIMEOUT: '10s' }, 'FOLIO_SHUTDOWN_TIMEOUT'],
    [{ FOLIO_LOG_SAMPLE: '1.5' }, 'FOLIO_LOG_SAMPLE'],
    [{ FOLIO_LOG_SAMPLE: '-0.1' }, 'FOLIO_LOG_SAMPLE'],
    [{ FOLIO_FACES_IDLE_MS: 'soon' }, 'FOLIO_FACES_IDLE_MS'],
    [{ FOLIO_TRUST_PROXY: 'nginx' }, 'FOLIO_TRUST_PROXY'],
    [{ FOLIO_TRUST_PROXY: '10.0.0.0/99' }, 'FOLIO_TRUST_PROXY'],
    [{ FOLIO_STORAGE: 's3' }, 'FOLIO_S3_BUCKET'],
    [{ FOLIO_STORAGE: 's3', FOLIO_S3_BUCKET: 'Bad_Bucket' }, 'FOLIO_S3_BUCKET'],
    [{ FOLIO_STORAGE: 's3', FOLIO_S3_BUCKET: 'b12', FOLIO_S3_ENDPOINT: 'minio:9000' }, 'FOLIO_S3_ENDPOINT'],
    [{ FOLIO_STORAGE: 's3', FOLIO_S3_BUCKET: 'b12', FOLIO_S3_FORCE_PATH_STYLE: 'yes' }, 'FOLIO_S3_FORCE_PATH_STYLE'],
    [{ FOLIO_STORAGE: 's3', FOLIO_S3_BUCKET: 'b12', AWS_ACCESS_KEY_ID: 'AKID' }, 'AWS_SECRET_ACCESS_KEY'],
  ])('rejects %j naming %s', (env, variable) => {
    const err = problem(env);
    expect(err.variable).toBe(variable);
    expect(err.message.startsWith(`${variable}: `)).toBe(true);
    expect(err.message).not.toContain('\n');
  });
});
