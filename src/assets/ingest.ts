import type { FileStorage } from '../storage/types.js';
import type { StoredFile } from '../store/types.js';
import { isImageType, isSvgType } from './file-url.js';
import { FolioError } from '../errors/index.js';
import { formatBytes } from '../storage/index.js';
import { sniffBytes, typeFromBytes } from './file-type.js';
import { placeholderOf } from './placeholder.js';
import { detectFaces } from '../faces/index.js';
import type { FaceBox } from '../images/types.js';
import { loadSharp } from '../images/index.js';

export interface IncomingFile {
  fileName: string;
  contentType: string;
  data: Buffer;
}

/** Images are decoded in memory; a bigger one is refused before it is read. */
export const maxImageBytes = 100 * 1024 * 1024;

/** SVG is text that librsvg parses whole: real logos and diagrams are far smaller. */
export const maxSvgBytes = 10 * 1024 * 1024;

export function assertImageSize(contentType: string, size: number): void {
  const max = isSvgType(contentType) ? maxSvgBytes : maxImageBytes;
  if (size > max) throw new FolioError('VALIDATION_FAILED', `${isSvgType(contentType) ? 'SVG images' : 'Images'} may be at most ${formatBytes(max)}`);
}

/**
 * Image dimensions as displayed (after EXIF orientation), its placeholder and the faces in it
 * (boxes in those pixels, for f=face/faces); a file that claims to be an image must decode.
 * Done once here, never on the request path. Detection never refuses a file: at worst, no faces.
 */
async function imageDetails(data: Buffer, vector: boolean, knownFaces: readonly FaceBox[] | undefined) {
  try {
    const meta = await (await loadSharp())(data, { limitInputPixels: 50_000_000 }).metadata();
    if (!meta.width || !meta.height) throw new Error('no dimensions');
    // Vector images are logos and diagrams: nothing for face crops to find.
    const [placeholder, faces] = await Promise.all([placeholderOf(data), knownFaces ?? (vector ? [] : detectFaces(data))]);
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
 * `knownFaces` is for images whose faces were found before by the same detector (the demo's):
 * never from a request.
 */
export async function ingestFile(storage: FileStorage, file: IncomingFile, knownFaces?: readonly FaceBox[]): Promise<StoredFile> {
  const contentType = await typeFromBytes(file.contentType, file.data.subarray(0, sniffBytes));
  let image: Awaited<ReturnType<typeof imageDetails>> | undefined;
  if (isImageType(contentType)) {
    assertImageSize(contentType, file.data.length);
    image = await imageDetails(file.data, isSvgType(contentType), knownFaces);
  }
  const { hash, size } = await storage.put(file.data);
  return {
    fileName: file.fileName,
    contentType,
    hash,
    details: image ? { size, image } : { size },
  };
}
