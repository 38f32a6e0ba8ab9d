/**
 * Every kind of asset, through the official contentful-management client as a team moving from
 * Contentful would send it: an SVG is an image (under /images, shown as is under a sandboxing
 * policy, rasterised when transformed, published only with alt text); a PDF, a video and a zip
 * are files under /files with their type, seekable by Range, script-capable ones downloaded.
 */
import * as contentfulManagement from 'contentful-management';
import type { AssetProps, PlainClientAPI } from 'contentful-management';
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFolio, type TestFolio } from './folio.js';
import { failure } from './management.sdk.js';

const managementToken = 'every-asset-management-token';
const deliveryToken = 'every-asset-delivery-token';
const at = { spaceId: 'folio', environmentId: 'master' };
const en = <T>(v: T) => ({ 'en-US': v });
const arrayBuffer = (b: Buffer) => new Uint8Array(b).buffer;

const logo = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20"><rect width="40" height="20" fill="#1a7"/></svg>');
const hostileSvg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>fetch("/admin").then(r=>r.text()).then(alert)</script><rect width="10" height="10"/></svg>');
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
/** An ISO base media file: an ftyp box (isom) and an mdat box of 2 MB, so it is streamed. */
const mp4 = (() => {
  const ftyp = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');
  const payload = randomBytes(2 * 1024 * 1024);
  const mdatHeader = Buffer.alloc(8);
  mdatHeader.writeUInt32BE(payload.length + 8, 0);
  mdatHeader.write('mdat', 4, 'latin1');
  return Buffer.concat([ftyp, mdatHeader, payload]);
})();

/** A zip holding one stored (uncompressed) file. */
function zipOf(name: string, content: Buffer): Buffer {
  const fileName = Buffer.from(name);
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralOffset = local.length + fileName.length + content.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, content, central, fileName, end]);
}
const zip = zipOf('readme.txt', Buffer.from('hello from a zip'));

/** The whole story on one store; run on SQLite and PostgreSQL (every-asset.*.test.ts). */
export function describeEveryAsset(name: string, env: () => Promise<Record<string, string>>) {
  describe(`every kind of asset: ${name}`, () => {
    let folio: TestFolio;
    let client: PlainClientAPI;

    beforeAll(async () => {
      folio = await startTestFolio({ FOLIO_MANAGEMENT_TOKEN: managementToken, FOLIO_DELIVERY_TOKEN: deliveryToken, FOLIO_DEMO: '0', ...(await env()) });
      const host = new URL(folio.url).host;
      client = contentfulManagement.createClient({ accessToken: managementToken, host, hostUpload: host, insecure: true, basePath: 'management' });
    });
    afterAll(() => folio?.destroy());

    /** Uploads the bytes, creates the asset declaring `contentType`, processes it. */
    async function assetOf(id: string, fileName: string, contentType: string, data: Buffer, description?: string): Promise<AssetProps> {
      const upload = await client.upload.create(at, { file: arrayBuffer(data) });
      const created = await client.asset.createWithId({ ...at, assetId: id }, {
        fields: {
          title: en(id),
          ...(description ? { description: en(description) } : {}),
          file: en({ fileName, contentType, uploadFrom: { sys: { type: 'Link', linkType: 'Upload', id: upload.sys.id } } }),
        },
      });
      return client.asset.processForAllLocales(at, created);
    }

    async function publish(id: string, data: Buffer, fileName: string, contentType: string, description?: string) {
      const asset = await assetOf(id, fileName, contentType, data, description);
      await client.asset.publish({ ...at, assetId: id }, asset);
    }

    const delivery = async (path: string) => {
      const res = await fetch(`${folio.url}/delivery/spaces/folio/environments/master${path}${path.includes('?') ? '&' : '?'}access_token=${deliveryToken}`);
      expect(res.status, path).toBe(200);
      return res.json() as Promise<any>;
    };

    /** The URL Delivery gives for an asset's file, made absolute. */
    const deliveredUrl = async (id: string) => `http:${(await delivery(`/assets/${id}`)).fields.file.url as string}`;

    const headersOf = (res: Response, names: string[]) => Object.fromEntries(names.map((n) => [n, res.headers.get(n)]));

    describe('SVG images', () => {
      it('is uploaded, processed with its dimensions, published and delivered under /images', async () => {
        await publish('logo', logo, 'logo.svg', 'image/svg+xml', 'The Folio logo');
        const file = (await client.asset.get({ ...at, assetId: 'logo' })).fields.file['en-US']!;
        expect(file.contentType).toBe('image/svg+xml');
        expect(file.details).toMatchObject({ size: logo.length, image: { width: 40, height: 20 } });
        expect(await deliveredUrl('logo')).toMatch(/^http:\/\/[^/]+\/images\/folio\/logo\/[0-9a-f]{32}\/logo\.svg$/);
      });

      it('is served as it is with a sandboxing policy and nosniff, also when the answer is replayed', async () => {
        const url = await deliveredUrl('logo');
        for (const attempt of ['first', 'replayed']) {
          const res = await fetch(url);
          expect(res.status, attempt).toBe(200);
          expect(headersOf(res, ['content-type', 'content-security-policy', 'x-content-type-options', 'content-disposition']), attempt).toEqual({
            'content-type': 'image/svg+xml',
            'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
            'x-content-type-options': 'nosniff',
            'content-disposition': null,
          });
          expect(Buffer.from(await res.arrayBuffer()).equals(logo), attempt).toBe(true);
        }
      });

      it('is rasterised by the Images API when transformed: a PNG by default, at the width asked for', async () => {
        const url = await deliveredUrl('logo');
        const res = await fetch(`${url}?w=100`);
        expect([res.status, res.headers.get('content-type'), res.headers.get('content-security-policy')]).toEqual([200, 'image/png', 'sandbox']);
        const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
        expect([meta.format, meta.width, meta.height]).toEqual(['png', 100, 50]);
        const jpeg = await fetch(`${url}?h=10&fm=jpg`);
        expect((await sharp(Buffer.from(await jpeg.arrayBuffer())).metadata())).toMatchObject({ format: 'jpeg', width: 20, height: 10 });
      });

      it('with a script inside, is still only ever served under the sandbox policy', async () => {
        await publish('hostile', hostileSvg, 'hostile.svg', 'image/svg+xml', 'A drawing');
        const url = await deliveredUrl('hostile');
        const res = await fetch(url);
        expect(headersOf(res, ['content-type', 'content-security-policy', 'x-content-type-options'])).toEqual({
          'content-type': 'image/svg+xml',
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
          'x-content-type-options': 'nosniff',
        });
        // Under /files (a URL nobody is given, but anyone can write) it is a sandboxed download.
        const asFile = await fetch(url.replace('/images/', '/files/'));
        expect(headersOf(asFile, ['content-security-policy', 'content-disposition'])).toEqual({ 'content-security-policy': "sandbox; default-src 'none'", 'content-disposition': 'attachment' });
      });

      it('needs alt text to be published, like any image', async () => {
        const bare = await assetOf('no-alt-logo', 'logo.svg', 'image/svg+xml', logo);
        const refused = await failure(client.asset.publish({ ...at, assetId: 'no-alt-logo' }, bare));
        expect(refused).toMatchObject({ status: 422, sys: 'ValidationFailed' });
        expect(refused.details.errors[0]).toMatchObject({ name: 'altText', path: ['fields', 'description', 'en-US'] });
      });
    });

    describe('other files', () => {
      it('a PDF, published without alt text, is under /files as application/pdf and answers Range requests', async () => {
        await publish('terms', pdf, 'terms.pdf', 'application/pdf');
        const url = await deliveredUrl('terms');
        expect(url).toMatch(/\/files\/folio\/terms\/[0-9a-f]{32}\/terms\.pdf$/);
        const res = await fetch(url);
        expect([res.status, res.headers.get('content-type'), res.headers.get('x-content-type-options'), res.headers.get('accept-ranges')]).toEqual([200, 'application/pdf', 'nosniff', 'bytes']);
        expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
        const part = await fetch(url, { headers: { range: 'bytes=0-7' } });
        expect([part.status, part.headers.get('content-range'), await part.text()]).toEqual([206, `bytes 0-7/${pdf.length}`, '%PDF-1.4']);
      });

      it('an MP4 is video/mp4, streamed whole, and seekable: 206 with the exact bytes, 416 past the end', async () => {
        await publish('clip', mp4, 'clip.mp4', 'video/mp4');
        const url = await deliveredUrl('clip');
        expect(url).toContain('/files/');
        const whole = await fetch(url);
        expect([whole.status, whole.headers.get('content-type'), whole.headers.get('content-length'), whole.headers.get('cache-control')]).toEqual([
          200,
          'video/mp4',
          String(mp4.length),
          'public, max-age=31536000, immutable',
        ]);
        expect(Buffer.from(await whole.arrayBuffer()).equals(mp4)).toBe(true);
        const head = await fetch(url, { method: 'HEAD', headers: { range: 'bytes=0-99' } });
        expect([head.status, head.headers.get('content-length'), head.headers.get('content-range'), (await head.arrayBuffer()).byteLength]).toEqual([206, '100', `bytes 0-99/${mp4.length}`, 0]);

        const cases: Array<[string, number, number]> = [
          ['bytes=1000-1999', 1000, 1999],
          ['bytes=2000000-', 2000000, mp4.length - 1],
          ['bytes=-16', mp4.length - 16, mp4.length - 1],
          [`bytes=${mp4.length - 4}-${mp4.length + 100}`, mp4.length - 4, mp4.length - 1],
        ];
        for (const [range, start, end] of cases) {
          const res = await fetch(url, { headers: { range } });
          expect([res.status, res.headers.get('content-range'), res.headers.get('content-length'), res.headers.get('content-type')], range).toEqual([
            206,
            `bytes ${start}-${end}/${mp4.length}`,
            String(end - start + 1),
            'video/mp4',
          ]);
          expect(Buffer.from(await res.arrayBuffer()).equals(mp4.subarray(start, end + 1)), range).toBe(true);
        }
        const past = await fetch(url, { headers: { range: `bytes=${mp4.length}-` } });
        expect([past.status, past.headers.get('content-range')]).toEqual([416, `bytes */${mp4.length}`]);
        await past.arrayBuffer();
        // A range for another version of the file (If-Range) gets the whole of this one.
        const stale = await fetch(url, { headers: { range: 'bytes=0-9', 'if-range': '"another-version"' } });
        expect([stale.status, stale.headers.get('content-length')]).toEqual([200, String(mp4.length)]);
        await stale.arrayBuffer();
      });

      it('a zip is application/zip, downloaded as an attachment, never rendered', async () => {
        await publish('bundle', zip, 'bundle.zip', 'application/zip');
        const res = await fetch(await deliveredUrl('bundle'));
        expect(headersOf(res, ['content-type', 'content-disposition', 'content-security-policy', 'x-content-type-options'])).toEqual({
          'content-type': 'application/zip',
          'content-disposition': 'attachment',
          'content-security-policy': "sandbox; default-src 'none'",
          'x-content-type-options': 'nosniff',
        });
        expect(Buffer.from(await res.arrayBuffer()).equals(zip)).toBe(true);
      });

      it("Delivery's mimetype_group finds each kind", async () => {
        const ids = async (group: string) => ((await delivery(`/assets?mimetype_group=${group}`)).items as Array<{ sys: { id: string } }>).map((a) => a.sys.id).sort();
        expect(await ids('image')).toEqual(['hostile', 'logo']);
        expect(await ids('pdfdocument')).toEqual(['terms']);
        expect(await ids('video')).toEqual(['clip']);
        expect(await ids('archive')).toEqual(['bundle']);
      });
    });
  });
}
