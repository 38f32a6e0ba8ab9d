/**
 * Ingest for bytes already in storage (Management API uploads): images go through ingestFile,
 * so everything ingest learns about an image (size, dimensions, placeholder, and what later
 * steps add) is learnt the same way; other files are described from what storage knows.
 */
import { FolioError, validationFailed } from '../errors/index.js';
import type { FileStorage } from '../storage/index.js';
import type { StoredFile } from '../store/types.js';
import { isImageType } from './file-url.js';
import { sniffBytes, typeFromBytes } from './file-type.js';
import { assertImageSize, ingestFile } from './ingest.js';

export interface StoredUpload {
  fileName: string;
  contentType: string;
  hash: string;
  size: number;
}

/**
 * A declared type must at least be a media type. Any kind of file is accepted (Contentful's
 * promise): images the Images API reads go under /images, everything else under /files.
 */
export function assertSupportedType(contentType: string): void {
  if (!/^[a-z]+\/[a-z0-9][a-z0-9.+-]*$/i.test(contentType)) {
    throw validationFailed([{ name: 'type', path: ['fields', 'file', 'contentType'], details: 'Expected a media type such as image/png' }], `"${contentType.slice(0, 100)}" is not a media type such as image/png`);
  }
}

/** The first bytes of a stored object, without reading the rest. */
async function headOf(storage: FileStorage, hash: string): Promise<Buffer> {
  const stream = await storage.stream(hash);
  if (!stream) throw new FolioError('NOT_FOUND', 'The uploaded file is no longer stored');
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= sniffBytes) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, sniffBytes);
}

export async function ingestStoredObject(storage: FileStorage, upload: StoredUpload): Promise<StoredFile> {
  assertSupportedType(upload.contentType);
  // Typed by its bytes: a generic declaration takes the sniffed type, which must be supported too.
  const contentType = await typeFromBytes(upload.contentType, await headOf(storage, upload.hash));
  assertSupportedType(contentType);
  if (!isImageType(contentType)) {
    return { fileName: upload.fileName, contentType, hash: upload.hash, details: { size: upload.size } };
  }
  assertImageSize(contentType, upload.size);
  const data = await storage.get(upload.hash);
  if (!data) throw new FolioError('NOT_FOUND', 'The uploaded file is no longer stored');
  return ingestFile(storage, { fileName: upload.fileName, contentType, data });
}
