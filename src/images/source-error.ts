import { FolioError } from '../errors/index.js';

/**
 * A source the pipeline cannot process is a client-visible 400, never a 500: the bytes are
 * stored content, and retrying will not help. The message says which kind, not libvips' words.
 */
export function unprocessableSource(reason: string, cause?: unknown): FolioError {
  return new FolioError('BAD_REQUEST', `The image could not be processed: ${reason}.`, cause === undefined ? {} : { cause });
}

/** Classifies an error sharp threw while reading or converting the source. */
export function sourceError(cause: unknown): FolioError {
  const message = cause instanceof Error ? cause.message : String(cause);
  if (/pixel limit/i.test(message)) return unprocessableSource('it has too many pixels', cause);
  if (/unsupported image format/i.test(message)) return unprocessableSource('its format is not supported', cause);
  if (/timeout/i.test(message)) return unprocessableSource('it took too long', cause);
  if (/too large for the/i.test(message)) return unprocessableSource('the result is too large for the output format', cause);
  return unprocessableSource('it is corrupt or truncated', cause);
}
