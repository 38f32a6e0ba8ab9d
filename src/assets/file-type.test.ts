import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { FolioError } from '../errors/index.js';
import { isSvgText, typeFromBytes } from './file-type.js';

const bytes: Record<string, Buffer> = {};
beforeAll(async () => {
  const base = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#c33' } });
  bytes.jpeg = await base().jpeg().toBuffer();
  bytes.png = await base().png().toBuffer();
  bytes.webp = await base().webp().toBuffer();
});

async function refusal(declared: string, data: Buffer): Promise<FolioError> {
  try {
    await typeFromBytes(declared, data);
  } catch (err) {
    if (err instanceof FolioError) return err;
    throw err;
  }
  throw new Error(`expected ${declared} to be refused`);
}

const svg = Buffer.from('<?xml version="1.0"?>\n<!-- drawn by hand -->\n<!DOCTYPE svg>\n<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>');
const html = Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>');

describe('typeFromBytes', () => {
  it('keeps a declared type the bytes agree with, aliases named as file-type names them', async () => {
    expect(await typeFromBytes('image/jpeg', bytes.jpeg!)).toBe('image/jpeg');
    expect(await typeFromBytes('IMAGE/JPG; charset=binary', bytes.jpeg!)).toBe('image/jpeg');
    expect(await typeFromBytes('image/png', bytes.png!)).toBe('image/png');
    expect(await typeFromBytes('application/pdf', Buffer.from('%PDF-1.4\n%a tiny pdf'))).toBe('application/pdf');
    expect(await typeFromBytes('text/plain', Buffer.from('Just some notes.\n'))).toBe('text/plain');
    expect(await typeFromBytes('text/csv', Buffer.from('a,b\n1,2\n'))).toBe('text/csv');
    expect(await typeFromBytes('application/json', Buffer.from('{"a":1}'))).toBe('application/json');
    expect(await typeFromBytes('image/svg+xml', svg)).toBe('image/svg+xml');
  });

  it('refuses image bytes of another type, or no image, with a 422 on fields.file naming both types', async () => {
    const err = await refusal('image/png', bytes.jpeg!);
    expect([err.status, err.id]).toEqual([422, 'ValidationFailed']);
    expect(err.message).toBe("The file's bytes are image/jpeg, not image/png as declared");
    expect((err.details as { errors: unknown[] }).errors).toEqual([
      { name: 'type', path: ['fields', 'file'], details: err.message, value: { declared: 'image/png', actual: 'image/jpeg' } },
    ]);
    expect((await refusal('image/webp', bytes.png!)).message).toContain('image/png, not image/webp');
    expect((await refusal('image/jpeg', html)).message).toContain('text, not image/jpeg');
    expect((await refusal('image/gif', Buffer.from([0, 1, 2, 3, 4, 5]))).message).toContain('not an image');
  });

  it('gives a generic declaration the sniffed type', async () => {
    expect(await typeFromBytes('application/octet-stream', bytes.webp!)).toBe('image/webp');
    expect(await typeFromBytes('application/octet-stream', Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(await typeFromBytes('application/octet-stream', html)).toBe('application/octet-stream');
  });

  it('judges text types by content: no binary data, and an SVG needs an <svg> root', async () => {
    expect((await refusal('text/plain', bytes.png!)).message).toContain('image/png, not text/plain');
    expect((await refusal('text/csv', Buffer.from([0x61, 0, 0x62]))).message).toContain('binary data');
    expect((await refusal('image/svg+xml', html)).message).toContain('without an <svg> root');
    expect((await refusal('image/svg+xml', bytes.png!)).message).toContain('image/png');
  });

  it('refuses a format whose magic number is missing, or bytes of another kind', async () => {
    expect((await refusal('application/pdf', html)).message).toContain('text, not application/pdf');
    expect((await refusal('application/pdf', bytes.jpeg!)).message).toContain('image/jpeg, not application/pdf');
  });
});

describe('isSvgText', () => {
  it('finds the root element after the prolog only', () => {
    expect(isSvgText(svg)).toBe(true);
    expect(isSvgText(Buffer.from('\uFEFF<svg>'))).toBe(true);
    expect(isSvgText(Buffer.from('<html><svg></svg></html>'))).toBe(false);
    expect(isSvgText(Buffer.from('<svgfoo/>'))).toBe(false);
  });
});
