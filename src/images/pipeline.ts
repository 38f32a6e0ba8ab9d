/**
 * The state the transform steps share, as imgproxy's pipeline context: load fills in the
 * source, prepare decides the geometry and format, and each later step applies one part of
 * that plan to the (lazy) sharp image. A new parameter is a new step, or a new case in prepare.
 */
import type { Sharp } from 'sharp';
import type { ImageFormat } from './formats.js';
import type { ImageFocus, ImageParams, Region, Rgba, Size, TransformResult } from './types.js';

export interface SourceImage extends Size {
  format: ImageFormat;
  hasAlpha: boolean;
  /** Frames decoded: more than 1 only when the output keeps the animation. */
  frames: number;
}

/** Padding around the resized image, to reach the exact requested size (fit=pad). */
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface PipelineContext {
  readonly params: ImageParams;
  readonly focus: ImageFocus | undefined;
  /** The source as displayed: dimensions after EXIF orientation. */
  readonly source: SourceImage;
  readonly image: Sharp;
  /** Output format, decided by load (animation depends on it). */
  format: ImageFormat;
  /** Part of the oriented source to keep, before resizing. */
  crop?: Region;
  /** Size to scale the (cropped) image to. */
  resize?: Size;
  /** Added around the resized image, filled with `background`. */
  pad?: Padding;
  /** The size of the output (per frame), once prepare has planned. */
  size: Size;
  /** Fill for padding, rounded corners and flattening; undefined means transparent. */
  background: Rgba | undefined;
  /** Set by the output step. */
  result?: TransformResult;
}

export type Step = (ctx: PipelineContext) => void | Promise<void>;
