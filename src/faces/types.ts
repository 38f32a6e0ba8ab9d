/** What face detection answers, and the one interface the rest of Folio uses. */

/** A face in pixels of the image as displayed (after EXIF orientation); score is 0..1. */
export interface DetectedFace {
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
}

export interface FaceDetector {
  /** Faces in an encoded image (JPEG, PNG, WebP …); [] when there are none or detection failed. */
  detect(image: Buffer): Promise<DetectedFace[]>;
  /** Starts the worker and model load now, so a batch of detections to come need not wait for it. */
  warmUp(): void;
  /** Whether the worker (and its model) is in memory now. */
  readonly loaded: boolean;
  /** Ends the worker; a later detect starts a new one. */
  close(): Promise<void>;
}

/** Raw RGB pixels for the detector, and the factor back to the displayed image's pixels. */
export interface DetectorInput {
  data: Uint8Array;
  width: number;
  height: number;
  /** Displayed size ÷ this size (≥ 1). */
  scale: number;
  /** The displayed (EXIF-oriented) size, to clamp boxes to. */
  original: { width: number; height: number };
}

/** Main thread → worker. */
export interface DetectRequest {
  id: number;
  width: number;
  height: number;
  data: Uint8Array;
}

/** Worker → main thread: once `ready` or `failed` after loading, then one answer per request. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; faces: Omit<DetectedFace, never>[] }
  | { type: 'error'; id: number; message: string };
