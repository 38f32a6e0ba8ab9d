/**
 * The canvas every demo illustration is drawn on, and the small helpers they share. Everything
 * is a pure function of its arguments, so the same scene always gives the same SVG and bytes.
 */

export const width = 1920;
export const height = 1280;

/** Deterministic pseudo-random numbers (mulberry32), so every render is byte-identical. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rounds to one decimal, so coordinates print short and identically everywhere. */
export const n = (v: number) => Math.round(v * 10) / 10;

/** Mixes a #rrggbb colour toward black (k < 1) or white (k > 1). */
export function shade(hex: string, k: number): string {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const out = c.map((v) => (k <= 1 ? v * k : v + (255 - v) * (k - 1)));
  return `#${out.map((v) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0')).join('')}`;
}

/** A vertical linear gradient definition. */
export const vGradient = (id: string, top: string, bottom: string) =>
  `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient>`;

/** A radial glow that fades to transparent. */
export const glow = (id: string, colour: string, opacity = 0.6) =>
  `<radialGradient id="${id}"><stop offset="0" stop-color="${colour}" stop-opacity="${opacity}"/><stop offset="1" stop-color="${colour}" stop-opacity="0"/></radialGradient>`;

/** A soft contact shadow under an object standing at (x, y). */
export const shadow = (x: number, y: number, rx: number, ry = rx / 8, opacity = 0.14) =>
  `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(rx)}" ry="${n(ry)}" fill="#1d1a2f" opacity="${opacity}"/>`;

export interface Room {
  wallTop: string;
  wallBottom: string;
  floorTop: string;
  floorBottom: string;
  /** y where the wall meets the floor. */
  horizon: number;
  /** A large soft shape behind the subject, in the editorial style. */
  blob?: { colour: string; cx: number; cy: number; r: number };
}

/** Wall, skirting board, floor and an optional backdrop blob. */
export function room(r: Room): string {
  const blob = r.blob
    ? `<path d="${blobPath(r.blob.cx, r.blob.cy, r.blob.r)}" fill="${r.blob.colour}"/>`
    : '';
  return `<defs>${vGradient('wall', r.wallTop, r.wallBottom)}${vGradient('floor', r.floorTop, r.floorBottom)}</defs>
<rect width="${width}" height="${height}" fill="url(#wall)"/>${blob}
<rect y="${r.horizon}" width="${width}" height="${height - r.horizon}" fill="url(#floor)"/>
<rect y="${r.horizon - 14}" width="${width}" height="14" fill="#ffffff" opacity="0.35"/>`;
}

/** An organic rounded blob around (cx, cy), built from a fixed wobble so it is stable. */
export function blobPath(cx: number, cy: number, r: number): string {
  const wobble = [1, 0.92, 1.06, 0.95, 1.08, 0.9, 1.02, 0.97];
  const pts = wobble.map((k, i) => {
    const a = (i / wobble.length) * Math.PI * 2;
    return [cx + Math.cos(a) * r * k * 1.25, cy + Math.sin(a) * r * k * 0.85] as const;
  });
  // Closed Catmull-Rom spline through the points, as cubic Béziers.
  let d = `M${n(pts[0]![0])} ${n(pts[0]![1])}`;
  for (let i = 0; i < pts.length; i++) {
    const p0 = pts[(i - 1 + pts.length) % pts.length]!;
    const p1 = pts[i]!;
    const p2 = pts[(i + 1) % pts.length]!;
    const p3 = pts[(i + 2) % pts.length]!;
    const c1 = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
    const c2 = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
    d += ` C${n(c1[0]!)} ${n(c1[1]!)} ${n(c2[0]!)} ${n(c2[1]!)} ${n(p2[0])} ${n(p2[1])}`;
  }
  return `${d}Z`;
}

export const svg = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
