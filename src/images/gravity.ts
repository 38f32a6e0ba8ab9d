/** Where a crop window sits in the image, for each of Contentful's `f` values. */
import type { FaceBox, Gravity, ImageFocus, Region, Size } from './types.js';

type Anchor = 'start' | 'middle' | 'end';

const anchors: Record<Exclude<Gravity, 'face' | 'faces'>, [x: Anchor, y: Anchor]> = {
  center: ['middle', 'middle'],
  top: ['middle', 'start'],
  bottom: ['middle', 'end'],
  left: ['start', 'middle'],
  right: ['end', 'middle'],
  top_left: ['start', 'start'],
  top_right: ['end', 'start'],
  bottom_left: ['start', 'end'],
  bottom_right: ['end', 'end'],
};

function offset(anchor: Anchor, room: number): number {
  if (anchor === 'start') return 0;
  if (anchor === 'end') return room;
  return Math.floor(room / 2);
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

const usable = (b: FaceBox) =>
  [b.x, b.y, b.width, b.height].every(Number.isFinite) && b.width > 0 && b.height > 0;

/** face: the largest box; faces: the box around all of them. Undefined when there are none. */
export function focusBox(gravity: 'face' | 'faces', faces: readonly FaceBox[] = []): FaceBox | undefined {
  const boxes = faces.filter(usable);
  if (boxes.length === 0) return undefined;
  if (gravity === 'face') {
    return boxes.reduce((big, b) => (b.width * b.height > big.width * big.height ? b : big));
  }
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * Places a window of `window` size inside `image`: pinned to an edge or corner for the named
 * gravities; for face/faces centred on the focus box and kept inside the image (centre when
 * there are no faces).
 */
export function placeWindow(image: Size, window: Size, gravity: Gravity, faces?: readonly FaceBox[]): Region {
  const roomX = image.width - window.width;
  const roomY = image.height - window.height;
  const box = gravity === 'face' || gravity === 'faces' ? focusBox(gravity, faces) : undefined;
  if (box) {
    const left = Math.round(box.x + box.width / 2 - window.width / 2);
    const top = Math.round(box.y + box.height / 2 - window.height / 2);
    return { left: clamp(left, 0, roomX), top: clamp(top, 0, roomY), ...window };
  }
  const [x, y] = gravity === 'face' || gravity === 'faces' ? anchors.center : anchors[gravity];
  return { left: offset(x, roomX), top: offset(y, roomY), ...window };
}

/**
 * placeWindow with the asset's focus: without `f`, the window is centred on the focal point
 * (kept inside the image) when the asset has one; otherwise as placeWindow.
 */
export function placeOnFocus(image: Size, window: Size, gravity: Gravity | undefined, focus?: ImageFocus): Region {
  const point = focus?.focalPoint;
  if (gravity === undefined && point && Number.isFinite(point.x) && Number.isFinite(point.y)) {
    const left = Math.round(clamp(point.x, 0, 1) * image.width - window.width / 2);
    const top = Math.round(clamp(point.y, 0, 1) * image.height - window.height / 2);
    return { left: clamp(left, 0, image.width - window.width), top: clamp(top, 0, image.height - window.height), ...window };
  }
  return placeWindow(image, window, gravity ?? 'center', focus?.faces);
}
