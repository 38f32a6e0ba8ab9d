export { imagesRoutes, type ImagesRoutesOptions, type ResolvedFile } from './route.js';
export { transform } from './transform.js';
export { parseImageParams, normaliseParams, defaultParams } from './params.js';
export { defaultSourceLimits, type SourceLimits } from './steps/load.js';
export { imageFormats, formatOfContentType, type ImageFormat } from './formats.js';
export type { FaceBox, Gravity, Fit, ImageFocus, ImageParams, RequestableFormat, TransformResult } from './types.js';
