/**
 * Contentful's mimetype groups (the `mimetype_group` query and `linkMimetypeGroup` validation),
 * as the content types Folio stores for each. Stored types are what the bytes show when
 * file-type knows the format (so every type it can name for images, audio and video is listed,
 * parameters included, as it names them), else the declared type, normalised: the other groups
 * list the names clients and Contentful's own tables use for those kinds of file.
 */
import { supportedMimeTypes } from 'file-type';

const sniffable = (kind: string) => [...(supportedMimeTypes as ReadonlySet<string>)].filter((type) => type.startsWith(`${kind}/`));

const withSniffed = (kind: string, declared: string[]) => [...new Set([...declared, ...sniffable(kind)])];

export const mimetypeGroups: Record<string, string[]> = {
  image: withSniffed('image', ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/tiff', 'image/svg+xml', 'image/bmp', 'image/x-windows-bmp', 'image/heic', 'image/heif', 'image/x-icon', 'image/vnd.microsoft.icon']),
  audio: withSniffed('audio', ['audio/mpeg', 'audio/mp4', 'audio/ogg', 'audio/wav', 'audio/x-wav', 'audio/webm', 'audio/aac', 'audio/flac', 'audio/aiff', 'audio/x-aiff', 'audio/midi', 'audio/x-m4a', 'audio/opus']),
  video: withSniffed('video', ['video/mp4', 'video/webm', 'video/ogg', 'video/quicktime', 'video/x-msvideo', 'video/vnd.avi', 'video/mpeg', 'video/x-matroska']),
  pdfdocument: ['application/pdf'],
  plaintext: ['text/plain'],
  markup: ['text/html', 'application/xhtml+xml', 'application/xml', 'text/xml', 'text/markdown'],
  code: ['application/json', 'text/javascript', 'application/javascript', 'application/x-javascript', 'text/ecmascript', 'application/ecmascript', 'text/css', 'text/x-c', 'text/x-java-source', 'text/x-python', 'application/x-sh', 'text/x-sh', 'application/x-tex', 'application/x-latex'],
  richtext: ['application/rtf', 'application/x-rtf', 'text/rtf', 'text/richtext', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.ms-word.document.macroenabled.12', 'application/vnd.oasis.opendocument.text', 'application/vnd.apple.pages'],
  spreadsheet: ['text/csv', 'application/vnd.ms-excel', 'application/excel', 'application/x-excel', 'application/x-msexcel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel.sheet.macroenabled.12', 'application/vnd.oasis.opendocument.spreadsheet', 'application/vnd.apple.numbers'],
  presentation: ['application/vnd.ms-powerpoint', 'application/mspowerpoint', 'application/powerpoint', 'application/x-mspowerpoint', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'application/vnd.openxmlformats-officedocument.presentationml.slideshow', 'application/vnd.ms-powerpoint.presentation.macroenabled.12', 'application/vnd.oasis.opendocument.presentation', 'application/vnd.apple.keynote'],
  archive: ['application/zip', 'application/x-zip-compressed', 'application/x-tar', 'application/gzip', 'application/x-gzip', 'application/x-bzip2', 'application/x-xz', 'application/zstd', 'application/x-7z-compressed', 'application/x-rar-compressed', 'application/vnd.rar', 'application/x-compress', 'application/x-lzip', 'application/x-arj'],
  attachment: ['application/octet-stream'],
};

/** The group a content type belongs to (Contentful's `linkMimetypeGroup`); unknown types are attachments. */
export const mimetypeGroupOf = (contentType: string) => {
  const bare = contentType.split(';')[0]!.trim().toLowerCase();
  return Object.entries(mimetypeGroups).find(([, types]) => types.includes(contentType) || types.includes(bare))?.[0] ?? 'attachment';
};
