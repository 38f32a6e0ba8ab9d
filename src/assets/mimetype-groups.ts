/** Contentful's mimetype groups, as the content types Folio accepts for each. */
export const mimetypeGroups: Record<string, string[]> = {
  image: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/tiff', 'image/svg+xml', 'image/bmp', 'image/heic'],
  audio: ['audio/mpeg', 'audio/mp4', 'audio/ogg', 'audio/wav', 'audio/webm', 'audio/aac', 'audio/flac'],
  video: ['video/mp4', 'video/webm', 'video/ogg', 'video/quicktime', 'video/x-msvideo'],
  pdfdocument: ['application/pdf'],
  plaintext: ['text/plain'],
  markup: ['text/html', 'application/xml', 'text/xml', 'text/markdown'],
  code: ['application/json', 'text/javascript', 'application/javascript', 'text/css'],
  richtext: ['application/rtf', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.oasis.opendocument.text'],
  spreadsheet: ['text/csv', 'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.oasis.opendocument.spreadsheet'],
  presentation: ['application/vnd.ms-powerpoint', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'application/vnd.oasis.opendocument.presentation'],
  archive: ['application/zip', 'application/x-tar', 'application/gzip', 'application/x-7z-compressed', 'application/x-rar-compressed'],
  attachment: ['application/octet-stream'],
};

/** The group a content type belongs to (Contentful's `linkMimetypeGroup`); unknown types are attachments. */
export const mimetypeGroupOf = (contentType: string) =>
  Object.entries(mimetypeGroups).find(([, types]) => types.includes(contentType.split(';')[0]!.trim().toLowerCase()))?.[0] ?? 'attachment';
