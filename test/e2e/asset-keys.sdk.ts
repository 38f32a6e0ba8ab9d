/**
 * Asset keys and embargoed assets, driven by the official `contentful-management` client (plain
 * and legacy) against a Folio with FOLIO_EMBARGOED_ASSETS=1: a draft's file is served only to a
 * URL signed as Contentful's docs describe (a JWT, HS256 with the key's secret, whose `sub` is the
 * URL, and `?policy=…&token=…`). Run on every store (management.sqlite/.postgres test files).
 */
import * as contentful from 'contentful';
import * as contentfulManagement from 'contentful-management';
import type { PlainClientAPI } from 'contentful-management';
import { createHmac } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signImageUrl } from '../../src/images/index.js';
import { AdminClient } from './admin-client.js';
import { startTestFolio, type TestFolio } from './folio.js';
import { failure } from './management.sdk.js';

const managementToken = 'management-token-for-asset-key-tests';
const signingKey = 'image-signing-key-for-asset-key-tests';
const deliveryToken = 'delivery-token-for-asset-key-tests';
const previewToken = 'preview-token-for-asset-key-tests';
const at = { spaceId: 'folio', environmentId: 'master' };
const en = <T>(v: T) => ({ 'en-US': v });

/** What a client does with an asset key's secret (jsonwebtoken's sign, HS256, spelled out). */
function signedUrl(url: string, key: { policy: string; secret: string }, claims: object = {}): string {
  const part = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: url.split('?')[0], ...claims })}`;
  const token = `${unsigned}.${createHmac('sha256', key.secret).update(unsigned).digest('base64url')}`;
  return `${url}${url.includes('?') ? '&' : '?'}policy=${key.policy}&token=${token}`;
}

export function describeAssetKeys(name: string, env: () => Promise<Record<string, string>>) {
  describe(`Asset keys and embargoed assets with the contentful-management SDK: ${name}`, () => {
    let folio: TestFolio;
    let client: PlainClientAPI;
    let host: string;

    beforeAll(async () => {
      folio = await startTestFolio({ FOLIO_MANAGEMENT_TOKEN: managementToken, FOLIO_IMAGE_SIGNING_KEY: signingKey, FOLIO_EMBARGOED_ASSETS: '1', FOLIO_ADMIN_EMAIL: 'admin@example.com', FOLIO_DELIVERY_TOKEN: deliveryToken, FOLIO_PREVIEW_TOKEN: previewToken, FOLIO_ADMIN_PASSWORD: 'admin-password-1', ...(await env()) });
      host = new URL(folio.url).host;
      client = contentfulManagement.createClient({ accessToken: managementToken, host, hostUpload: host, insecure: true, basePath: 'management' });
    });
    afterAll(() => folio?.destroy());

    it('serves a draft’s file only to URLs signed with an asset key; published files stay public', async () => {
      const image = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#228833' } }).png().toBuffer();
      const upload = await client.upload.create(at, { file: new Uint8Array(image).buffer });
      const created = await client.asset.create(at, {
        fields: { title: en('Green'), description: en('A green square'), file: en({ fileName: 'green.png', contentType: 'image/png', uploadFrom: { sys: { type: 'Link', linkType: 'Upload', id: upload.sys.id } } }) },
      });
      const asset = await client.asset.processForAllLocales(at, created);
      const url = `http:${asset.fields.file['en-US']!.url!}`;

      const unsigned = await fetch(url);
      expect([unsigned.status, (await unsigned.json()).sys.id]).toEqual([403, 'AccessDenied']);

      const expiresAt = Math.floor(Date.now() / 1000) + 3600;
      const key = await client.assetKey.create(at, { expiresAt });
      expect(key).toEqual({ policy: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/), secret: expect.any(String) });
      const legacyKey = await (await (await contentfulManagement.createClient({ accessToken: managementToken, host, insecure: true, basePath: 'management' }, { type: 'legacy' }).getSpace('folio')).getEnvironment('master')).createAssetKey({ expiresAt });
      expect(legacyKey.policy).not.toBe(key.policy);

      const served = await fetch(signedUrl(url, key));
      expect(served.status).toBe(200);
      expect(Buffer.from(await served.arrayBuffer())).toEqual(image);
      expect(served.headers.get('cache-control')).toBe('private, no-store');
      // The sub may be written with or without the scheme, as the file's URL is protocol-relative.
      expect((await fetch(signedUrl(url, legacyKey, { sub: url.replace(/^http:/, '') }))).status).toBe(200);
      expect((await fetch(signedUrl(`${url}`, key, { exp: expiresAt - 60 }))).status).toBe(200);
      // A transform keeps the image signature (s) and adds the key's; both are checked.
      const transform = `${url}?w=16`;
      const withS = `http://${host}${signImageUrl(new URL(transform).pathname + '?w=16', signingKey)}`;
      expect((await fetch(signedUrl(withS, key))).status).toBe(200);
      expect((await fetch(signedUrl(transform, key))).status).toBe(403);

      // Refused: a token under another secret, for another URL, expired, or a forged policy.
      const refusedUrls = [
        signedUrl(url, { policy: key.policy, secret: legacyKey.secret }),
        signedUrl(url, key).replace(/\/green\.png/, '/other.png'),
        signedUrl(url.replace('green.png', 'x.png'), key).replace('x.png', 'green.png'),
        signedUrl(url, key, { exp: Math.floor(Date.now() / 1000) - 10 }),
        signedUrl(url, { policy: key.policy.replace(/\.[^.]+$/, '.AAAA'), secret: key.secret }),
        `${url}?policy=${key.policy}`,
      ];
      for (const refused of refusedUrls) expect((await fetch(refused)).status, refused).toBe(403);

      // contentful.js makes keys on the Delivery and Preview APIs, and on Contentful's root path.
      for (const [accessToken, basePath] of [[deliveryToken, 'delivery'], [previewToken, 'preview']] as const) {
        const cda = contentful.createClient({ space: 'folio', accessToken, host, insecure: true, basePath });
        expect((await fetch(signedUrl(url, await cda.createAssetKey(expiresAt)))).status).toBe(200);
      }
      const root = await fetch(`${folio.url}/spaces/folio/environments/master/asset_keys`, { method: 'POST', headers: { authorization: `Bearer ${deliveryToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ expiresAt }) });
      expect((await fetch(signedUrl(url, (await root.json()) as { policy: string; secret: string }))).status).toBe(200);

      // The editor shows the draft: its page carries URLs it signed with an asset key of its own.
      const editor = new AdminClient(folio.url);
      await editor.login('admin@example.com', 'admin-password-1');
      const page = await editor.get(`/admin/media/${asset.sys.id}`);
      const sources = [...page.text.matchAll(/src="(\/images\/[^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
      expect(sources.length).toBeGreaterThan(0);
      for (const src of sources) {
        expect(src).toMatch(/[?&]policy=.+&token=/);
        expect((await fetch(`${folio.url}${src}`)).status, src).toBe(200);
      }

      // Published, the file is public again, cached like every published file.
      await client.asset.publish({ ...at, assetId: asset.sys.id }, asset);
      const published = await fetch(url);
      expect(published.status).toBe(200);
      expect(published.headers.get('cache-control')).toContain('public');
    });

    it('checks expiresAt as Contentful does, and who asks first', async () => {
      const post = (body: unknown, token = managementToken) =>
        fetch(`${folio.url}/management/spaces/folio/environments/master/asset_keys`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const now = Math.floor(Date.now() / 1000);
      for (const body of [{}, { expiresAt: '1700000000' }, { expiresAt: now - 60 }, { expiresAt: now + 48 * 3600 + 60 }, { expiresAt: now + 1.5 }]) {
        const res = await post(body);
        const json = await res.json();
        expect([res.status, json.sys.id, json.details.errors[0].path]).toEqual([422, 'ValidationFailed', ['expiresAt']]);
      }
      expect((await post({ expiresAt: now + 48 * 3600 - 5 })).status).toBe(200);
      expect((await post({ expiresAt: now + 60 }, 'not-a-token')).status).toBe(401);
      // The client refuses what Contentful would refuse before sending.
      await expect(client.assetKey.create(at, { expiresAt: now + 3 * 24 * 3600 })).rejects.toThrow(/expiresAt/);
      expect(await failure(client.assetKey.create({ spaceId: 'folio', environmentId: 'nowhere' }, { expiresAt: now + 60 }))).toMatchObject({ status: 404, details: { type: 'Environment' } });
    });
  });
}
