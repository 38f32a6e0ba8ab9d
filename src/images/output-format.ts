import * as is from '../validate/is.js';
import type { ImageFormat } from './formats.js';
import type { ImageParams } from './types.js';

/**
 * The format to write: `fm`, else the source's. Also the one check that needs the source:
 * fl=progressive only means something for JPEG output.
 */
export function chooseOutputFormat(params: ImageParams, source: ImageFormat): ImageFormat {
  const format = params.format ?? source;
  if (params.progressive && format !== 'jpg') {
    is.invalid('fl', 'JPEG output (fm=jpg, or a JPEG source without fm)', `progressive with ${format} output`);
  }
  return format;
}
