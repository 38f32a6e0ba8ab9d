/**
 * face-api's sample photos (MIT, read from node_modules, not copied) and the faces a person sees
 * in each, counted by looking at them: one centre per face, in pixels of the 1920-wide photo.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const demoDir = path.join(path.dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')), 'demo');

export interface Sample {
  file: string;
  /** Faces counted by eye. */
  faces: number;
  /** Where each face's centre is (nose bridge, roughly), to tell a hit from a false positive. */
  centres: ReadonlyArray<readonly [x: number, y: number]>;
}

export const samples: readonly Sample[] = [
  { file: 'sample1.jpg', faces: 3, centres: [[500, 475], [930, 530], [1575, 320]] },
  { file: 'sample2.jpg', faces: 3, centres: [[440, 255], [975, 335], [1545, 275]] },
  { file: 'sample3.jpg', faces: 3, centres: [[685, 465], [1185, 365], [1600, 430]] },
  { file: 'sample4.jpg', faces: 4, centres: [[335, 305], [760, 180], [1075, 290], [1350, 265]] },
  { file: 'sample5.jpg', faces: 5, centres: [[465, 1010], [680, 540], [865, 215], [1190, 315], [1490, 525]] },
  { file: 'sample6.jpg', faces: 4, centres: [[355, 615], [760, 475], [1275, 445], [1590, 410]] },
];

export const readSample = (file: string) => readFile(path.join(demoDir, file));

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Found boxes against the counted faces: a box is a hit when it holds a face centre not yet taken. */
export function score(sample: Sample, boxes: readonly Box[]) {
  const free = [...sample.centres];
  let hits = 0;
  for (const b of boxes) {
    const i = free.findIndex(([x, y]) => x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height);
    if (i >= 0) {
      free.splice(i, 1);
      hits++;
    }
  }
  return { hits, falsePositives: boxes.length - hits, missed: free.length };
}
