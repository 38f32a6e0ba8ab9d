/**
 * `npx tsx scripts/demo-faces.ts` — prints src/demo/faces.ts's table: the faces Folio's detector
 * finds in each rendered demo image. Run after changing a scene; faces.test.ts fails until then.
 */
import { demoAssets } from '../src/demo/index.js';
import { createFaceDetector } from '../src/faces/index.js';

const detector = createFaceDetector({ onError: (message) => console.error(message) });
try {
  for (const asset of demoAssets) {
    const faces = await detector.detect(await asset.render());
    console.log(`  '${asset.id}': ${JSON.stringify(faces.map(({ x, y, width, height }) => ({ x, y, width, height })))},`);
  }
} finally {
  await detector.close();
}
