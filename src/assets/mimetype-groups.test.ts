import { describe, expect, it } from 'vitest';
import { mimetypeGroupOf, mimetypeGroups } from './mimetype-groups.js';

describe('mimetype groups', () => {
  it("has exactly Contentful's groups", () => {
    expect(Object.keys(mimetypeGroups).sort()).toEqual(['archive', 'attachment', 'audio', 'code', 'image', 'markup', 'pdfdocument', 'plaintext', 'presentation', 'richtext', 'spreadsheet', 'video']);
  });

  it.each([
    ['image/svg+xml', 'image'],
    ['image/x-icon', 'image'],
    ['image/heic', 'image'],
    ['audio/ogg; codecs=opus', 'audio'],
    ['audio/x-m4a', 'audio'],
    ['video/matroska', 'video'],
    ['video/mp4', 'video'],
    ['application/pdf', 'pdfdocument'],
    ['text/plain; charset=utf-8', 'plaintext'],
    ['application/x-bzip2', 'archive'],
    ['application/vnd.openxmlformats-officedocument.presentationml.slideshow', 'presentation'],
    ['application/vnd.ms-excel.sheet.macroenabled.12', 'spreadsheet'],
    ['text/rtf', 'richtext'],
    ['application/xhtml+xml', 'markup'],
    ['text/x-python', 'code'],
    ['application/x-sqlite3', 'attachment'],
  ])('%s is in %s', (type, group) => {
    expect(mimetypeGroupOf(type)).toBe(group);
  });

  it('puts no type in two groups', () => {
    const all = Object.values(mimetypeGroups).flat();
    expect(new Set(all).size).toBe(all.length);
  });
});
