/**
 * The face boxes in the demo's illustrations, as Folio's own detector finds them (boxes in
 * pixels of the image as displayed), so loading the demo needs no model load: the detector's
 * few hundred MB and seconds of WASM work stay for real uploads. faces.test.ts runs the
 * detector on the shipped images and requires these exact boxes, so they cannot go stale;
 * after changing a scene, `npx tsx scripts/demo-data.ts` prints the new ones.
 */
import type { FaceBox } from '../images/types.js';

export const demoFaces: Readonly<Record<string, readonly FaceBox[]>> = {
  'image-what-does-a-devops-engineer-do': [{ x: 1197, y: 406, width: 135, height: 177 }],
  'image-what-is-a-full-stack-developer': [{ x: 748, y: 429, width: 139, height: 166 }],
  'image-typescript-vs-javascript': [{ x: 572, y: 421, width: 137, height: 199 }],
  'image-how-to-become-a-game-developer': [
    { x: 1013, y: 435, width: 128, height: 145 },
    { x: 1439, y: 436, width: 122, height: 191 },
  ],
  'image-how-long-does-an-associate-degree-take': [{ x: 887, y: 423, width: 150, height: 192 }],
  'image-how-to-learn-python': [
    { x: 1163, y: 506, width: 140, height: 146 },
    { x: 659, y: 488, width: 125, height: 163 },
  ],
  'image-devops-team-roles-and-responsibilities': [
    { x: 496, y: 256, width: 118, height: 139 },
    { x: 923, y: 636, width: 98, height: 126 },
    { x: 1637, y: 639, width: 101, height: 119 },
  ],
};
