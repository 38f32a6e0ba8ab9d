/** The shapes the Images API passes between parsing, the pipeline and HTTP. */

/** Contentful's `f` values. face/faces use the detected face boxes, when there are any. */
export const gravities = [
  'center',
  'top',
  'right',
  'left',
  'bottom',
  'top_left',
  'top_right',
  'bottom_left',
  'bottom_right',
  'face',
  'faces',
] as const;
export type Gravity = (typeof gravities)[number];

/** Contentful's `fit` values this cut implements; pad, scale, crop and thumb come later. */
export const fits = ['fill'] as const;
export type Fit = (typeof fits)[number];

/** Contentful's `fm` values this cut accepts; gif and tiff come later (sources in them work). */
export const requestableFormats = ['jpg', 'png', 'webp', 'avif'] as const;
export type RequestableFormat = (typeof requestableFormats)[number];

/** A parsed, validated query. Absent means "not asked for", so the defaults live in one place. */
export interface ImageParams {
  width?: number;
  height?: number;
  fit?: Fit;
  gravity: Gravity;
  quality?: number;
  format?: RequestableFormat;
  progressive: boolean;
}

/** A face box in source pixels, as displayed (after EXIF orientation). */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is known about where the subject of an image is; faces come from detection (later). */
export interface ImageFocus {
  faces?: FaceBox[];
}

export interface TransformResult {
  data: Buffer;
  contentType: string;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Region extends Size {
  left: number;
  top: number;
}
