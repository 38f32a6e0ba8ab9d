/**
 * Loads @vladmandic/face-api's node-wasm build on @tensorflow/tfjs-backend-wasm, everything from
 * node_modules: the .wasm binaries from the backend's dist folder, the model weights from
 * face-api's model folder. Nothing is fetched. Runs inside the detection worker only.
 *
 * The build requires the `@tensorflow/tfjs` meta-package, which Folio does not install: face-api
 * uses only tfjs-core ops, so the bundle is evaluated with a require that answers tfjs-core for
 * it. tfjs-core alone lacks the chained tensor methods (`t.as3D()`, `t.div()` …) the meta-package
 * registers; the ones face-api calls are added as plain calls of the same ops.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Tf from '@tensorflow/tfjs-core';

/** The part of face-api's API the detector uses. */
export interface FaceApi {
  tf: typeof Tf & { setWasmPaths(prefix: string, usePlatformFetch?: boolean): void };
  nets: { ssdMobilenetv1: { loadFromDisk(dir: string): Promise<void> } };
  SsdMobilenetv1Options: new (options: { minConfidence: number; maxResults: number }) => object;
  detectAllFaces(input: Tf.Tensor3D, options: object): Promise<Array<{ score: number; box: { x: number; y: number; width: number; height: number } }>>;
}

const require = createRequire(import.meta.url);
const bundlePath = require.resolve('@vladmandic/face-api/dist/face-api.node-wasm.js');

/** face-api's own model folder (weights manifests and .bin shards). */
export const modelDir = path.join(path.dirname(bundlePath), '..', 'model');

/** Tensor methods face-api calls, each the tfjs op of the same name with the tensor first. */
const chainedOps = [
  'abs', 'add', 'all', 'avgPool', 'batchNorm', 'cast', 'clipByValue', 'concat', 'conv2d', 'depthwiseConv2d', 'div',
  'exp', 'expandDims', 'floor', 'log', 'matMul', 'max', 'maxPool', 'mean', 'min', 'mul', 'pad', 'relu', 'reshape',
  'reverse', 'round', 'separableConv2d', 'sigmoid', 'slice', 'softmax', 'split', 'sqrt', 'squeeze', 'stack', 'sub',
  'sum', 'tile', 'transpose', 'unstack',
] as const;

function addChainedOps(tf: FaceApi['tf']) {
  const proto = tf.Tensor.prototype as unknown as Record<string, unknown>;
  const ops = tf as unknown as Record<string, (...args: unknown[]) => Tf.Tensor>;
  for (const name of chainedOps) {
    proto[name] ??= function (this: Tf.Tensor, ...args: unknown[]) {
      return ops[name]!(this, ...args);
    };
  }
  proto.resizeBilinear ??= function (this: Tf.Tensor3D, size: [number, number], alignCorners?: boolean) {
    return tf.image.resizeBilinear(this, size, alignCorners);
  };
  for (const rank of [1, 2, 3, 4, 5]) {
    proto[`as${rank}D`] ??= function (this: Tf.Tensor, ...shape: number[]) {
      return tf.reshape(this, shape);
    };
  }
  proto.toFloat ??= function (this: Tf.Tensor) {
    return tf.cast(this, 'float32');
  };
}

function evaluateBundle(): FaceApi {
  const local = createRequire(bundlePath);
  const requireForBundle = (id: string): unknown => local(id === '@tensorflow/tfjs' ? '@tensorflow/tfjs-core' : id);
  const module = { exports: {} as Record<string, unknown> };
  const run = new Function('exports', 'require', 'module', '__filename', '__dirname', readFileSync(bundlePath, 'utf8'));
  run(module.exports, requireForBundle, module, bundlePath, path.dirname(bundlePath));
  return module.exports as unknown as FaceApi;
}

/** face-api on the WASM backend (single-threaded SIMD: the worker is the parallelism) with the SSD model loaded. */
export async function loadFaceApi(weightsDir = modelDir): Promise<FaceApi> {
  const faceapi = evaluateBundle();
  const { tf } = faceapi;
  addChainedOps(tf);
  const wasmDir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  tf.setWasmPaths(`${wasmDir}${path.sep}`, false);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (!(await tf.setBackend('wasm'))) throw new Error('the WASM backend of TensorFlow.js did not initialise');
  await tf.ready();
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(weightsDir);
  return faceapi;
}
