/**
 * The detection worker: loads the model once, then answers one request at a time. Inference is
 * synchronous WASM work of a few hundred ms, so it must stay off the thread that serves HTTP.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadFaceApi, type FaceApi } from './face-api.js';
import type { DetectRequest, WorkerMessage } from './types.js';

/** Below this SSD score a box is dropped: on the face-api samples 0.5 keeps every face and no false one. */
export const minConfidence = 0.5;

const port = parentPort;
if (!port) throw new Error('src/faces/worker.ts runs only as a worker thread');
const post = (message: WorkerMessage) => port.postMessage(message);

function detect(faceapi: FaceApi, options: object, { id, width, height, data }: DetectRequest) {
  const input = faceapi.tf.tensor3d(data, [height, width, 3], 'int32');
  return faceapi
    .detectAllFaces(input, options)
    .then((found) =>
      post({
        type: 'result',
        id,
        faces: found.map(({ score, box }) => ({ x: box.x, y: box.y, width: box.width, height: box.height, score })),
      }),
    )
    .finally(() => input.dispose());
}

const { modelDir } = (workerData ?? {}) as { modelDir?: string };

/**
 * The first inference costs about three later ones (WASM kernels and memory set up); running it
 * on a blank frame before `ready` moves that into start-up, which the demo loader overlaps with rendering.
 */
async function warmUp(faceapi: FaceApi, options: object) {
  const blank = faceapi.tf.zeros([384, 512, 3], 'int32') as Parameters<FaceApi['detectAllFaces']>[0];
  try {
    await faceapi.detectAllFaces(blank, options);
  } finally {
    blank.dispose();
  }
}

async function serve() {
  let faceapi: FaceApi;
  let options: object;
  try {
    faceapi = await loadFaceApi(modelDir);
    options = new faceapi.SsdMobilenetv1Options({ minConfidence, maxResults: 100 });
    await warmUp(faceapi, options);
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
    return;
  }
  // One at a time: the WASM backend is single-threaded, and queued requests keep their order.
  let chain = Promise.resolve();
  port!.on('message', (request: DetectRequest) => {
    chain = chain.then(() =>
      detect(faceapi, options, request).catch((err: unknown) =>
        post({ type: 'error', id: request.id, message: err instanceof Error ? err.message : String(err) }),
      ),
    );
  });
  post({ type: 'ready' });
}

void serve();
