/**
 * Contentful's tools with the flags teams use, against Folio on PostgreSQL over HTTPS (the
 * tools download asset files over https whatever the host says): contentful-import with
 * --content-model-only, then --skip-content-model --skip-content-publishing; contentful-export
 * with and without --include-drafts / --include-archived, and --download-assets. The tools run
 * in their own processes, trusting the test's self-signed certificate as a user's would.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import https from 'node:https';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/postgres.js';
import { makeDataDir, startTestFolio, type TestFolio } from './folio.js';

const run = promisify(execFile);
const managementToken = 'management-token-for-flags';
const deliveryToken = 'delivery-token-for-flags';
const previewToken = 'preview-token-for-flags';
const blog = path.resolve('test/fixtures/contentful-exports/blog');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('contentful-import and contentful-export flags, on PostgreSQL over HTTPS', () => {
  let folio: TestFolio;
  let dir: string;
  let ca: Buffer;
  let settings: Record<string, unknown>;

  beforeAll(async () => {
    dir = await makeDataDir();
    const certFile = path.join(dir, 'cert.pem');
    const keyFile = path.join(dir, 'key.pem');
    await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1']);
    ca = await fs.readFile(certFile);
    folio = await startTestFolio({
      DATABASE_URL: await createTestDatabase(),
      FOLIO_DEMO: '0',
      FOLIO_TLS_CERT: certFile,
      FOLIO_TLS_KEY: keyFile,
      FOLIO_MANAGEMENT_TOKEN: managementToken,
      FOLIO_DELIVERY_TOKEN: deliveryToken,
      FOLIO_PREVIEW_TOKEN: previewToken,
      FOLIO_DATA_DIR: path.join(dir, 'data'),
    });
    const host = `localhost:${new URL(folio.url).port}`;
    settings = { host, hostUpload: host, basePath: 'management', spaceId: 'folio', managementToken };
  });
  afterAll(async () => {
    await folio?.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  });

  let runs = 0;
  /** Runs one of the tools' library calls in its own process, as their CLIs would; its result comes back through a file (the tools print tables on stdout). */
  async function tool(name: 'contentful-import' | 'contentful-export', options: Record<string, unknown>): Promise<unknown> {
    const resultFile = path.join(dir, `result-${++runs}.json`);
    // By package name from the project folder: the tools' CommonJS builds (their ES builds need a newer Node).
    const program = `require(${JSON.stringify(name)})(${JSON.stringify({ ...settings, ...options })}).then((r) => require('fs').writeFileSync(${JSON.stringify(resultFile)}, JSON.stringify(r ?? null)), (err) => { console.error(err); process.exit(1); })`;
    const env = { PATH: process.env.PATH ?? '', HOME: dir, NODE_EXTRA_CA_CERTS: path.join(dir, 'cert.pem') };
    await run(process.execPath, ['-e', program], { env, cwd: process.cwd(), timeout: 150_000, maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(await fs.readFile(resultFile, 'utf8'));
  }

  const get = (pathAndQuery: string, token: string) =>
    new Promise<{ status: number; json: () => unknown; body: Buffer }>((resolve, reject) => {
      https
        .get(`${folio.url}${pathAndQuery}`, { ca, headers: { authorization: `Bearer ${token}` } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const body = Buffer.concat(chunks);
            resolve({ status: res.statusCode!, body, json: () => JSON.parse(body.toString()) });
          });
        })
        .on('error', reject);
    });
  const total = async (p: string, token: string) => ((await get(p, token)).json() as { total: number }).total;

  it('imports the model only, then the content without publishing it, then exports drafts, archived items and files as asked', async () => {
    const source = JSON.parse(await fs.readFile(path.join(blog, 'contentful-export.json'), 'utf8')) as {
      contentTypes: unknown[];
      entries: Array<{ sys: { id: string } }>;
      assets: Array<{ sys: { id: string }; fields: { file: Record<string, { url: string; fileName: string }> } }>;
    };
    const content = { contentFile: path.join(blog, 'contentful-export.json'), errorLogFile: path.join(dir, 'import-errors.json') };

    await tool('contentful-import', { ...content, contentModelOnly: true });
    expect(await total('/management/spaces/folio/environments/master/content_types', managementToken)).toBe(source.contentTypes.length);
    expect(await total('/management/spaces/folio/environments/master/entries', managementToken)).toBe(0);
    expect(await total('/management/spaces/folio/environments/master/assets', managementToken)).toBe(0);

    await tool('contentful-import', { ...content, skipContentModel: true, skipContentPublishing: true, uploadAssets: true, assetsDirectory: blog });
    expect(await total('/management/spaces/folio/environments/master/entries', managementToken)).toBe(source.entries.length);
    expect(await total('/delivery/spaces/folio/entries', deliveryToken)).toBe(0);
    expect(await total('/preview/spaces/folio/entries', previewToken)).toBe(source.entries.length);

    // One entry published, one archived: the rest stay drafts.
    const [toPublish, toArchive] = source.entries.map((e) => e.sys.id);
    const put = (p: string, version: number) =>
      new Promise<number>((resolve, reject) => {
        const req = https.request(`${folio.url}/management/spaces/folio/environments/master${p}`, { method: 'PUT', ca, headers: { authorization: `Bearer ${managementToken}`, 'x-contentful-version': String(version) } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode!));
        });
        req.on('error', reject);
        req.end();
      });
    const versionOf = async (id: string) => ((await get(`/management/spaces/folio/environments/master/entries/${id}`, managementToken)).json() as { sys: { version: number } }).sys.version;
    expect(await put(`/entries/${toPublish}/published`, await versionOf(toPublish!))).toBe(200);
    expect(await put(`/entries/${toArchive}/archived`, await versionOf(toArchive!))).toBe(200);

    const plain = (await tool('contentful-export', { saveFile: false, exportDir: dir, skipRoles: true, skipWebhooks: true })) as { entries: Array<{ sys: { id: string } }> };
    expect(plain.entries.map((e) => e.sys.id)).toEqual([toPublish]);

    const everything = path.join(dir, 'everything');
    const all = (await tool('contentful-export', { saveFile: false, exportDir: everything, includeDrafts: true, includeArchived: true, downloadAssets: true, skipRoles: true, skipWebhooks: true })) as {
      entries: Array<{ sys: { id: string } }>;
      assets: Array<{ sys: { id: string }; fields: { file: Record<string, { url: string }> } }>;
    };
    expect(all.entries.map((e) => e.sys.id).sort()).toEqual(source.entries.map((e) => e.sys.id).sort());
    expect(all.assets).toHaveLength(source.assets.length);
    // Each downloaded file, at its URL's path below the export folder, holds the imported bytes.
    for (const asset of all.assets) {
      const url = Object.values(asset.fields.file)[0]!.url;
      const downloaded = await fs.readFile(path.join(everything, decodeURIComponent(url.replace(/^\/\//, ''))));
      const original = source.assets.find((a) => a.sys.id === asset.sys.id)!;
      expect(sha(downloaded)).toBe(sha(await fs.readFile(path.join(blog, Object.values(original.fields.file)[0]!.url.replace(/^\/\//, '')))));
    }
  }, 300_000);
});
