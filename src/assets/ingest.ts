import sharp from 'sharp';
import type { FileStorage } from '../storage/types.js';
import type { StoredFile } from '../store/types.js';
import { isImageType } from './file-url.js';
import { FolioError } from '../errors/index.js';
import { sniffBytes, typeFromBytes } from './file-type.js';
import { placeholderOf } from './placeholder.js';
import { detectFaces } from '../faces/index.js';

export interface IncomingFile {
  fileName: string;
  contentType: string;
  data: Buffer;
}

/**
 * Image dimensions as displayed (after EXIF orientation), its placeholder and the faces in it
 * (boxes in those pixels, for f=face/faces); a file that claims to be an image must decode.
 * Done once here, never on the request path. Detection never refuses a file: at worst, no faces.
 */
async function imageDetails(data: Buffer) {
  try {
    const meta = await sharp(data, { limitInputPixels: 50_000_000 }).metadata();
    if (!meta.width || !meta.height) throw new Error('no dimensions');
    const [placeholder, faces] = await Promise.all([placeholderOf(data), detectFaces(data)]);
    return {
      width: meta.autoOrient?.width ?? meta.width,
      height: meta.autoOrient?.height ?? meta.height,
      ...placeholder,
      faces: faces.map(({ x, y, width, height }) => ({ x, y, width, height })),
    };
  } catch (cause) {
    throw new FolioError('VALIDATION_FAILED', 'The file is not a readable image.', { cause });
  }
}

/**
 * Stores the original by content hash and describes it as an asset's `fields.file` value. The
 * stored type is the one its bytes show (typeFromBytes): a mismatch is a 422 and nothing is stored.
 */
export async function ingestFile(storage: FileStorage, file: IncomingFile): Promise<StoredFile> {
  const contentType = await typeFromBytes(file.contentType, file.data.subarray(0, sniffBytes));
  const image = isImageType(contentType) ? await imageDetails(file.data) : undefined;
  const { hash, size } = await storage.put(file.data);
  return {
    fileName: file.fileName,
    contentType,
    hash,
    details: image ? { size, image } : { size },
  };
}
