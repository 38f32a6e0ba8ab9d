/**
 * Face detection for images: `detectFaces` runs the process's shared detector (a worker thread
 * started on first use); `createFaceDetector` makes a separate one.
 */
import pino from 'pino';
import { createFaceDetector } from './detector.js';
import type { DetectedFace, FaceDetector } from './types.js';

export { createFaceDetector, type FaceDetectorOptions } from './detector.js';
export type { DetectedFace, FaceDetector } from './types.js';

let shared: FaceDetector | undefined;
let logger: pino.Logger | undefined;

/** Problems go to the log as Folio's own lines do (stdout, LOG_LEVEL as the CLI reads it). */
function logError(message: string, err?: unknown) {
  logger ??= pino({ level: process.env.LOG_LEVEL ?? 'info' });
  logger.error(err === undefined ? {} : { err }, message);
}

let idleMs: number | undefined;

const detector = () => (shared ??= createFaceDetector({ onError: logError, ...(idleMs !== undefined ? { idleMs } : {}) }));

/** Sets how long the shared detector stays loaded without work (FOLIO_FACES_IDLE_MS); before its first use. */
export function configureFaceDetection(settings: { idleMs: number }): void {
  idleMs = settings.idleMs;
}

/** Ends the shared detector's worker (shutdown); a later detection starts it again. */
export async function closeFaceDetection(): Promise<void> {
  await shared?.close();
}

/** Faces in an encoded image, in pixels of the image as displayed; [] when none (or detection is unavailable). */
export function detectFaces(image: Buffer): Promise<DetectedFace[]> {
  return detector().detect(image);
}

/** Whether the shared detector's model is in memory now (health figures, and tests of what loads it). */
export function faceDetectionLoaded(): boolean {
  return shared?.loaded ?? false;
}
