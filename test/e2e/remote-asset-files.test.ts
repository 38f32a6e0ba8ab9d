/**
 * Assets whose `fields.file.{locale}.upload` is a URL on another server, as import scripts send
 * them: Folio fetches the file under the webhooks' outbound rules (here a receiver on loopback,
 * allowed as FOLIO_WEBHOOK_ALLOW_PRIVATE allows it), within the upload limit, without following
 * redirects, and types it by its bytes when processing. Driven by the official client.
 */
import * as contentfulManagement from 'contentful-management';
import type { PlainClientAPI } from 'contentful-management';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFolio, type TestFolio } from './folio.js';
import { failure } from './management.sdk.js';

const managementToken = 'management-token-for-remote-files';
const at = { spaceId: 'folio', environmentId: 'master' };
const en = <T>(v: T) => ({ 'en-US': v });

describe('Assets from remote URLs (file.upload), fetched behind the outbound address rules', () => {
  let folio: TestFolio;
  let strict: TestFolio;
  let origin: http.Server;
  let base: string;
  let client: PlainClientAPI;
  let photo: Buffer;
  const requests: string[] = [];

  beforeAll(async () => {
    photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3366aa' } }).jpeg().toBuffer();
    origin = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === '/photo.jpg') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo);
      if (req.url === '/moved') return res.writeHead(302, { location: '/photo.jpg' }).end();
      if (req.url === '/big.bin') return res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.alloc(2 * 1024 * 1024, 1));
      if (req.url === '/page.png') return res.writeHead(200, { 'content-type': 'image/png' }).end('<html><script>alert(1)</script></html>');
      res.writeHead(404).end('nope');
    });
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
    const env = { FOLIO_MANAGEMENT_TOKEN: managementToken, FOLIO_UPLOAD_LIMIT_MB: '1' };
    folio = await startTestFolio(env, undefined, { background: { webhooks: { allowPrivateTargets: true } } });
    strict = await startTestFolio(env);
    const host = new URL(folio.url).host;
    client = contentfulManagement.createClient({ accessToken: managementToken, host, hostUpload: host, insecure: true, basePath: 'management' });
  });
  afterAll(async () => {
    await folio?.destroy();
    await strict?.destroy();
    await new Promise((resolve) => origin?.close(resolve));
  });

  const remote = (path: string, contentType = 'image/jpeg') => ({
    fields: { title: en('Remote'), file: en({ fileName: path.slice(1), contentType, upload: `${base}${path}` }) },
  });

  it('fetches the file, processes it into an asset and serves the same bytes', async () => {
    const created = await client.asset.create(at, remote('/photo.jpg') as never);
    const processed = await client.asset.processForAllLocales(at, created);
    const file = processed.fields.file['en-US']!;
    expect(file).toMatchObject({ contentType: 'image/jpeg', fileName: 'photo.jpg', details: { size: photo.length, image: { width: 64, height: 48 } } });
    const served = Buffer.from(await (await fetch(`http:${file.url}`)).arrayBuffer());
    expect(served.equals(photo)).toBe(true);
    const withId = await client.asset.createWithId({ ...at, assetId: 'remote-photo' }, remote('/photo.jpg') as never);
    expect((await client.asset.processForLocale(at, withId, 'en-US')).fields.file['en-US']!.url).toBeDefined();
  });

  it('refuses redirects, missing files, files over the limit and bytes that are not what they claim', async () => {
    const path = ['fields', 'file', 'en-US', 'upload'];
    const moved = await failure(client.asset.create(at, remote('/moved') as never));
    expect(moved).toMatchObject({ status: 422, sys: 'ValidationFailed', details: { errors: [{ path }] } });
    expect(moved.message).toContain('redirect');
    expect(await failure(client.asset.create(at, remote('/missing.jpg') as never))).toMatchObject({ status: 422, details: { errors: [{ path }] } });
    const big = await failure(client.asset.create(at, remote('/big.bin', 'application/octet-stream') as never));
    expect(big).toMatchObject({ status: 422 });
    expect(big.message).toContain('upload limit');
    // HTML declared as PNG: fetched, but processing types it by its bytes and refuses it.
    const page = await client.asset.create(at, remote('/page.png', 'image/png') as never);
    expect(await failure(client.asset.processForAllLocales(at, page))).toMatchObject({ status: 422 });
    for (const bad of ['ftp://127.0.0.1/x', 'http://user:pw@127.0.0.1/x', 'not a url']) {
      const err = await failure(client.asset.create(at, { fields: { file: en({ fileName: 'x', contentType: 'image/png', upload: bad }) } } as never));
      expect(err).toMatchObject({ status: 422, details: { errors: [{ path }] } });
    }
  });

  it('by default fetches from public addresses only: loopback and cloud metadata addresses are refused', async () => {
    const host = new URL(strict.url).host;
    const plain = contentfulManagement.createClient({ accessToken: managementToken, host, hostUpload: host, insecure: true, basePath: 'management' });
    const before = requests.length;
    for (const url of [`${base}/photo.jpg`, 'http://169.254.169.254/latest/meta-data/', 'http://[::1]:80/x', 'http://0x7f000001/x']) {
      const err = await failure(plain.asset.create(at, { fields: { file: en({ fileName: 'x.jpg', contentType: 'image/jpeg', upload: url }) } } as never));
      expect(err).toMatchObject({ status: 422, sys: 'ValidationFailed' });
      expect(err.message).toContain('does not fetch');
    }
    expect(requests.length).toBe(before);
  });
});
