/**
 * Folio's configuration, read once from the environment (../shared/CONTRACT.md lists it).
 * A bad value throws ConfigError naming the variable; the CLI turns that into exit code 2.
 */
import path from 'node:path';
import ipaddr from 'ipaddr.js';
import * as is from '../validate/is.js';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** postgres:// URL, or undefined for SQLite at sqlitePath. */
  databaseUrl: string | undefined;
  /** A streaming replica of databaseUrl (DATABASE_REPLICA_URL): Delivery, GraphQL and the hub read there while it is not behind. */
  databaseReplicaUrl: string | undefined;
  sqlitePath: string;
  publicUrl: string;
  spaceId: string;
  tokens: { delivery?: string; preview?: string; management?: string };
  admin: { email: string; password: string } | undefined;
  demo: boolean;
  /** HMAC keys for image URL signing, newest first; empty: signing off. */
  imageSigningKeys: string[];
  /** Embargoed assets (FOLIO_EMBARGOED_ASSETS=1): drafts' files need URLs signed with an asset key; needs imageSigningKeys. */
  embargoedAssets: boolean;
  /** Keep Delivery API responses in memory until content changes. */
  deliveryCache: boolean;
  /** Largest Management API upload, in bytes (FOLIO_UPLOAD_LIMIT_MB, default 1024). */
  uploadLimitBytes: number;
  /** Webhooks may call receivers on private networks (FOLIO_WEBHOOK_ALLOW_PRIVATE, default 0). */
  webhookAllowPrivate: boolean;
  /** How long one webhook call may take (FOLIO_WEBHOOK_TIMEOUT, seconds, default 10). */
  webhookTimeoutMs: number;
  /**
   * How long a call a server took stays reserved to it (FOLIO_WEBHOOK_LEASE, seconds, default
   * the timeout + 30): if that server dies mid-call, another retries the call after this.
   */
  webhookLeaseMs: number;
  /** PEM files: serve HTTPS on `port` (FOLIO_TLS_CERT and FOLIO_TLS_KEY, both or neither). */
  tls: { certFile: string; keyFile: string } | undefined;
  /** Where files live: the data dir (default), or an S3-compatible bucket shared by every server. */
  storage: StorageSettings;
  /** On SIGTERM, how long in-flight requests and jobs may take before the process exits anyway (FOLIO_SHUTDOWN_TIMEOUT, seconds, default 25). */
  shutdownTimeoutMs: number;
  /** Share of successful requests logged, 0 to 1 (FOLIO_LOG_SAMPLE, default 1); 5xx answers are always logged. */
  logSample: number;
  /** The face detector is unloaded after this long without work (FOLIO_FACES_IDLE_MS, default 60000). */
  facesIdleMs: number;
  /** Proxies (IPs or CIDR ranges) whose X-Forwarded-For is believed (FOLIO_TRUST_PROXY); empty: none. */
  trustProxy: string[];
  /** Where account mail (password reset links, invites) is sent: FOLIO_SMTP_URL (smtp:// or smtps://), FOLIO_MAIL_FROM. Unset: no mail; admins hand links over. */
  mail: { smtpUrl: string; from: string } | undefined;
}

export type StorageSettings =
  | { kind: 'fs' }
  | {
      kind: 's3';
      bucket: string;
      endpoint: string | undefined;
      region: string;
      forcePathStyle: boolean;
      /** From AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (/ AWS_SESSION_TOKEN); unset: the SDK's chain (profiles, instance roles). */
      credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined;
    };

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Unset and empty mean the same: use the default. */
const read = (env: Env, name: string) => {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
};

function port(env: Env): number {
  const raw = read(env, 'PORT');
  if (raw === undefined) return 3000;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) {
    throw new ConfigError('PORT', `expected a port number from 0 to 65535 but got "${raw}"`);
  }
  return Number(raw);
}

function host(env: Env): string {
  const raw = read(env, 'HOST') ?? '127.0.0.1';
  if (/[\s/]/.test(raw)) throw new ConfigError('HOST', `expected a host name or IP address but got "${raw}"`);
  return raw;
}

function databaseUrl(env: Env, name = 'DATABASE_URL'): string | undefined {
  const raw = read(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'expected a postgres:// URL but got something that is not a URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(
      name,
      `unsupported scheme "${url.protocol.replace(/:$/, '')}"; use postgres:// or leave it unset for SQLite`,
    );
  }
  return raw;
}

function webhookTiming(env: Env): { webhookTimeoutMs: number; webhookLeaseMs: number } {
  const timeout = wholeNumber(env, 'FOLIO_WEBHOOK_TIMEOUT', 10, 300, 'seconds');
  if (timeout === 0) throw new ConfigError('FOLIO_WEBHOOK_TIMEOUT', 'expected at least 1 second');
  const lease = wholeNumber(env, 'FOLIO_WEBHOOK_LEASE', timeout + 30, 3600, 'seconds');
  // A lease that ends before the call's timeout would let a second server send a call still in flight.
  if (lease <= timeout) throw new ConfigError('FOLIO_WEBHOOK_LEASE', `must be longer than FOLIO_WEBHOOK_TIMEOUT (${timeout} s) but got ${lease}`);
  return { webhookTimeoutMs: timeout * 1000, webhookLeaseMs: lease * 1000 };
}

/** A replica only makes sense beside a primary on PostgreSQL. */
function databaseReplicaUrl(env: Env, primary: string | undefined): string | undefined {
  const replica = databaseUrl(env, 'DATABASE_REPLICA_URL');
  if (replica !== undefined && primary === undefined) throw new ConfigError('DATABASE_REPLICA_URL', 'needs DATABASE_URL (the primary) to be set too');
  return replica;
}

function publicUrl(env: Env, listenPort: number, secure: boolean): string {
  const raw = read(env, 'FOLIO_PUBLIC_URL') ?? `${secure ? 'https' : 'http'}://localhost:${listenPort}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('FOLIO_PUBLIC_URL', `expected an http(s) URL but got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('FOLIO_PUBLIC_URL', `expected an http(s) URL but got "${raw}"`);
  }
  if (url.search || url.hash) {
    throw new ConfigError('FOLIO_PUBLIC_URL', 'must not contain a query or fragment');
  }
  return url.href.replace(/\/+$/, '');
}

function spaceId(env: Env): string {
  const raw = read(env, 'FOLIO_SPACE_ID') ?? 'folio';
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_-]{0,63}$/.test(raw)) {
    throw new ConfigError('FOLIO_SPACE_ID', `expected 1-64 letters, digits, "-" or "_" but got "${raw}"`);
  }
  return raw;
}

function token(env: Env, name: string): string | undefined {
  const raw = read(env, name);
  if (raw !== undefined && !/^[\x21-\x7e]{8,256}$/.test(raw)) {
    throw new ConfigError(name, 'expected 8 to 256 printable characters without spaces');
  }
  return raw;
}

function admin(env: Env): Config['admin'] {
  const email = read(env, 'FOLIO_ADMIN_EMAIL');
  const password = env.FOLIO_ADMIN_PASSWORD || undefined;
  if (email === undefined && password === undefined) return undefined;
  if (email === undefined) throw new ConfigError('FOLIO_ADMIN_EMAIL', 'must be set when FOLIO_ADMIN_PASSWORD is');
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new ConfigError('FOLIO_ADMIN_EMAIL', `expected an e-mail address but got "${email}"`);
  }
  if (password === undefined) throw new ConfigError('FOLIO_ADMIN_PASSWORD', 'must be set when FOLIO_ADMIN_EMAIL is');
  if (password.length < 8) throw new ConfigError('FOLIO_ADMIN_PASSWORD', 'must be at least 8 characters');
  return { email, password };
}

function signingKeys(env: Env): string[] {
  const keys = (read(env, 'FOLIO_IMAGE_SIGNING_KEY') ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  if (keys.some((k) => k.length < 16)) throw new ConfigError('FOLIO_IMAGE_SIGNING_KEY', 'each comma-separated key needs at least 16 characters');
  return keys;
}

/** Asset keys are signed with the image signing keys: embargo without them has nothing to sign with. */
function embargoedAssets(env: Env): boolean {
  const on = flag(env, 'FOLIO_EMBARGOED_ASSETS', '0');
  if (on && signingKeys(env).length === 0) throw new ConfigError('FOLIO_EMBARGOED_ASSETS', 'needs FOLIO_IMAGE_SIGNING_KEY: asset keys are signed with it');
  return on;
}

function flag(env: Env, name: string, fallback: '0' | '1'): boolean {
  const raw = read(env, name) ?? fallback;
  if (raw !== '0' && raw !== '1') throw new ConfigError(name, `expected 0 or 1 but got "${raw}"`);
  return raw === '1';
}

function uploadLimitBytes(env: Env): number {
  const raw = read(env, 'FOLIO_UPLOAD_LIMIT_MB') ?? '1024';
  if (!/^\d{1,6}(\.\d{1,3})?$/.test(raw) || Number(raw) <= 0) {
    throw new ConfigError('FOLIO_UPLOAD_LIMIT_MB', `expected a positive number of megabytes but got "${raw}"`);
  }
  return Math.floor(Number(raw) * 1024 * 1024);
}

function tls(env: Env, cwd: string): Config['tls'] {
  const cert = read(env, 'FOLIO_TLS_CERT');
  const key = read(env, 'FOLIO_TLS_KEY');
  if (cert === undefined && key === undefined) return undefined;
  if (cert === undefined) throw new ConfigError('FOLIO_TLS_CERT', 'must be set when FOLIO_TLS_KEY is');
  if (key === undefined) throw new ConfigError('FOLIO_TLS_KEY', 'must be set when FOLIO_TLS_CERT is');
  return { certFile: path.resolve(cwd, cert), keyFile: path.resolve(cwd, key) };
}

function wholeNumber(env: Env, name: string, fallback: number, max: number, unit: string): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const n = is.parseStrictInt(raw);
  if (n === undefined || n > max) throw new ConfigError(name, `expected a whole number of ${unit} from 0 to ${max} but got "${raw}"`);
  return n;
}

function logSample(env: Env): number {
  const raw = read(env, 'FOLIO_LOG_SAMPLE') ?? '1';
  if (!/^(0(\.\d{1,6})?|1(\.0{1,6})?)$/.test(raw)) throw new ConfigError('FOLIO_LOG_SAMPLE', `expected a share of requests from 0 to 1 (e.g. 0.1) but got "${raw}"`);
  return Number(raw);
}

function trustProxy(env: Env): string[] {
  const entries = (read(env, 'FOLIO_TRUST_PROXY') ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    const valid = entry.includes('/') ? isCidr(entry) : ipaddr.isValid(entry);
    if (!valid) throw new ConfigError('FOLIO_TRUST_PROXY', `expected IP addresses or CIDR ranges separated by commas but got "${entry}"`);
  }
  return entries;
}

function isCidr(entry: string): boolean {
  try {
    ipaddr.parseCIDR(entry);
    return true;
  } catch {
    return false;
  }
}

/** S3's bucket naming rules (lowercase, 3-63 characters, no leading or trailing dot or dash). */
const bucketName = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function storage(env: Env): StorageSettings {
  const kind = read(env, 'FOLIO_STORAGE') ?? 'fs';
  if (kind === 'fs') return { kind };
  if (kind !== 's3') throw new ConfigError('FOLIO_STORAGE', `expected fs or s3 but got "${kind}"`);
  const bucket = read(env, 'FOLIO_S3_BUCKET');
  if (bucket === undefined) throw new ConfigError('FOLIO_S3_BUCKET', 'must be set when FOLIO_STORAGE=s3');
  if (!bucketName.test(bucket)) throw new ConfigError('FOLIO_S3_BUCKET', `expected an S3 bucket name (3-63 lowercase letters, digits, "." or "-") but got "${bucket}"`);
  const endpoint = read(env, 'FOLIO_S3_ENDPOINT');
  if (endpoint !== undefined && !/^https?:\/\/[^\s/?#]+\/?$/.test(endpoint)) {
    throw new ConfigError('FOLIO_S3_ENDPOINT', `expected an http(s) URL of the store, without a path, but got "${endpoint}"`);
  }
  const region = read(env, 'FOLIO_S3_REGION') ?? read(env, 'AWS_REGION') ?? 'us-east-1';
  if (!/^[a-z0-9-]{1,32}$/.test(region)) throw new ConfigError('FOLIO_S3_REGION', `expected a region name such as eu-west-1 but got "${region}"`);
  return { kind, bucket, endpoint, region, forcePathStyle: flag(env, 'FOLIO_S3_FORCE_PATH_STYLE', '0'), credentials: awsCredentials(env) };
}

function awsCredentials(env: Env): Extract<StorageSettings, { kind: 's3' }>['credentials'] {
  const accessKeyId = read(env, 'AWS_ACCESS_KEY_ID');
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY || undefined;
  if (accessKeyId === undefined && secretAccessKey === undefined) return undefined;
  if (accessKeyId === undefined) throw new ConfigError('AWS_ACCESS_KEY_ID', 'must be set when AWS_SECRET_ACCESS_KEY is');
  if (secretAccessKey === undefined) throw new ConfigError('AWS_SECRET_ACCESS_KEY', 'must be set when AWS_ACCESS_KEY_ID is');
  const sessionToken = read(env, 'AWS_SESSION_TOKEN');
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

function mail(env: Env, site: string): Config['mail'] {
  const raw = read(env, 'FOLIO_SMTP_URL');
  const from = read(env, 'FOLIO_MAIL_FROM') ?? `Folio <folio@${new URL(site).hostname}>`;
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('FOLIO_SMTP_URL', 'expected a URL like smtps://user:password@mail.example.com:465');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new ConfigError('FOLIO_SMTP_URL', `expected smtp:// or smtps:// but got "${url.protocol}"`);
  if (from.length > 320 || /[\r\n]/.test(from)) throw new ConfigError('FOLIO_MAIL_FROM', 'expected one address like "Folio <folio@example.com>"');
  return { smtpUrl: raw, from };
}

/** Pure: reads only `env` and `cwd`; the data dir's writability is checked by ensureDataDir. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const listenPort = port(env);
  const dataDir = path.resolve(cwd, read(env, 'FOLIO_DATA_DIR') ?? './data');
  const tlsFiles = tls(env, cwd);
  const primaryUrl = databaseUrl(env);
  return {
    port: listenPort,
    host: host(env),
    dataDir,
    databaseUrl: primaryUrl,
    databaseReplicaUrl: databaseReplicaUrl(env, primaryUrl),
    sqlitePath: path.join(dataDir, 'folio.db'),
    publicUrl: publicUrl(env, listenPort, tlsFiles !== undefined),
    spaceId: spaceId(env),
    tokens: {
      delivery: token(env, 'FOLIO_DELIVERY_TOKEN'),
      preview: token(env, 'FOLIO_PREVIEW_TOKEN'),
      management: token(env, 'FOLIO_MANAGEMENT_TOKEN'),
    },
    admin: admin(env),
    demo: flag(env, 'FOLIO_DEMO', '1'),
    deliveryCache: flag(env, 'FOLIO_DELIVERY_CACHE', '1'),
    imageSigningKeys: signingKeys(env),
    embargoedAssets: embargoedAssets(env),
    uploadLimitBytes: uploadLimitBytes(env),
    webhookAllowPrivate: flag(env, 'FOLIO_WEBHOOK_ALLOW_PRIVATE', '0'),
    ...webhookTiming(env),
    tls: tlsFiles,
    storage: storage(env),
    shutdownTimeoutMs: wholeNumber(env, 'FOLIO_SHUTDOWN_TIMEOUT', 25, 3600, 'seconds') * 1000,
    logSample: logSample(env),
    facesIdleMs: wholeNumber(env, 'FOLIO_FACES_IDLE_MS', 60_000, 86_400_000, 'milliseconds'),
    trustProxy: trustProxy(env),
    mail: mail(env, publicUrl(env, listenPort, tlsFiles !== undefined)),
  };
}
