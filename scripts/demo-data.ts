/**
 * `npx tsx scripts/demo-data.ts` — after changing a demo scene: writes the rendered images the
 * demo ships (src/demo/images/) and prints src/demo/faces.ts's table, the faces Folio's detector
 * finds in them. images.test.ts and faces.test.ts fail until both are current.
 */
import fs from 'node:fs/promises';
import { demoAssets, demoImagesDir } from '../src/demo/index.js';
import { createFaceDetector } from '../src/faces/index.js';

const detector = createFaceDetector({ onError: (message) => console.error(message) });
try {
  await fs.mkdir(demoImagesDir, { recursive: true });
  for (const asset of demoAssets) {
    const image = await asset.render();
    await fs.writeFile(new URL(asset.fileName, demoImagesDir), image);
    const faces = await detector.detect(image);
    console.log(`  '${asset.id}': ${JSON.stringify(faces.map(({ x, y, width, height }) => ({ x, y, width, height })))},`);
  }
} finally {
  await detector.close();
}
