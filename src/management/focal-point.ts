/**
 * The one detail of an asset file a client may set: `details.image.focalPoint` {x, y}, each a
 * fraction of the image from 0 to 1 (the rule is src/assets' isFocalPoint); errors in the CMA's shape.
 */
import { isFocalPoint } from '../assets/index.js';
import type { FocalPoint } from '../content/index.js';
import { refused } from '../errors/index.js';
import * as is from '../validate/is.js';

/** undefined: the client sent no image details (keep what is stored); null: it sent none to keep. */
export function focalPointFrom(details: unknown, path: string): FocalPoint | null | undefined {
  if (!is.plainObject(details) || !is.plainObject(details.image)) return undefined;
  const point = details.image.focalPoint;
  if (point === undefined || point === null) return null;
  if (!isFocalPoint(point)) {
    const message = is.invalidMessage(`${path}.details.image.focalPoint`, 'an object {x, y} with numbers from 0 to 1', JSON.stringify(point));
    throw refused('invalid', `${path}.details.image.focalPoint`.split('.'), message);
  }
  return { x: point.x, y: point.y };
}
