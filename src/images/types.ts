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

/** Contentful's `fit` values; each has its planner in steps/prepare.ts. */
export const fits = ['fill', 'pad', 'scale', 'crop', 'thumb'] as const;
export type Fit = (typeof fits)[number];

/** Contentful's `fm` values; `auto` picks one from the request's Accept header. */
export const requestableFormats = ['jpg', 'png', 'webp', 'avif', 'gif', 'tiff', 'auto'] as const;
export type RequestableFormat = (typeof requestableFormats)[number];

/** A parsed, validated query. Absent means "not asked for", so the defaults live in one place. */
export interface ImageParams {
  width?: number;
  height?: number;
  fit?: Fit;
  /** Absent: centre, or the asset's focal point when it has one. */
  gravity?: Gravity;
  /** Corner radius in px, or `max` for a circle/ellipse. */
  radius?: number | 'max';
  /** Background for padding, rounded corners and flattening. */
  background?: Rgba;
  quality?: number;
  format?: RequestableFormat;
  progressive: boolean;
  /** fl=png8: palette PNG. Only set when asked for. */
  png8?: boolean;
}

/** A colour; alpha is 0..1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  alpha: number;
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
  /** The subject's centre as fractions of the width and height (0..1), set by editors. */
  focalPoint?: { x: number; y: number };
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
