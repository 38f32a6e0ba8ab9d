/** Which format to write, and the flag checks that depend on it. */
import * as is from '../validate/is.js';
import type { ImageFormat } from './formats.js';
import type { ImageParams } from './types.js';

/** What fm=auto picks from Accept; `jpg` becomes PNG for a source with alpha. */
export type AutoChoice = 'avif' | 'webp' | 'jpg';

/** Whether an Accept header lists a media type with a non-zero q (no wildcards: they say nothing). */
function accepts(accept: string, type: string): boolean {
  return accept.split(',').some((part) => {
    const [name, ...rest] = part.split(';').map((s) => s.trim().toLowerCase());
    if (name !== type) return false;
    const q = rest.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** fm=auto: AVIF, then WebP, then JPEG, as the client's Accept header allows. */
export function negotiateFormat(accept: string | undefined): AutoChoice {
  if (!accept) return 'jpg';
  if (accepts(accept, 'image/avif')) return 'avif';
  if (accepts(accept, 'image/webp')) return 'webp';
  return 'jpg';
}

export interface FormatContext {
  /** Whether the source has an alpha channel; unknown (false) before it is read. */
  hasAlpha?: boolean;
  /** The request's Accept header, for fm=auto. */
  accept?: string | undefined;
  /** Whether the source is animated and could stay so: fm=auto then picks WebP, else GIF. */
  animated?: boolean;
}

/**
 * The format to write: `fm`, else the source's. Also the checks that need the source:
 * fl=progressive only means something for JPEG output, fl=png8 only for PNG output.
 */
export function chooseOutputFormat(params: ImageParams, source: ImageFormat, context: FormatContext = {}): ImageFormat {
  if (params.format === 'auto') {
    if (params.png8) is.invalid('fl', 'fm=png with png8', 'png8 with auto output');
    // fl=progressive with fm=auto applies when the choice is JPEG.
    const choice = negotiateFormat(context.accept);
    if (context.animated) return choice === 'jpg' ? 'gif' : 'webp';
    return choice === 'jpg' && context.hasAlpha ? 'png' : choice;
  }
  const format = params.format ?? source;
  if (params.progressive && format !== 'jpg') {
    is.invalid('fl', 'JPEG output (fm=jpg, or a JPEG source without fm)', `progressive with ${format} output`);
  }
  if (params.png8 && format !== 'png') {
    is.invalid('fl', 'PNG output (fm=png, or a PNG source without fm)', `png8 with ${format} output`);
  }
  return format;
}
