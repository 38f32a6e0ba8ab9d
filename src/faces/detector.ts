/**
 * Face detection off the main thread: one worker per detector, started on first use, requests
 * queued to it. The model and its WASM heap cost a few hundred MB, so after `idleMs` without work
 * the worker is ended (the next detection starts a new one, paying the model load again). Results are memoised by content hash, so the same bytes are detected
 * once per process (restarts in tests, re-uploads). Detection never breaks an upload: when the
 * model cannot load, that is logged once and every image has no faces; when one image fails,
 * that is logged and it has none.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { detectorInput } from './pixels.js';
import type { DetectedFace, DetectorInput, FaceDetector, WorkerMessage } from './types.js';

export interface FaceDetectorOptions {
  /** Where detection problems go; one line each. */
  onError?: (message: string, err?: unknown) => void;
  /** The model's folder; face-api's own by default (tests point it elsewhere to see failure). */
  modelDir?: string;
  /** Results kept by content hash; default 512. */
  memoSize?: number;
  /** End the worker after this long without work; default: keep it. */
  idleMs?: number;
}

/**
 * Built code runs dist/faces/worker.js. Under tests the sources run, so the worker is the .ts
 * file, started by a small script that first registers tsx (a dev dependency, present whenever
 * sources run); `--import` in a worker's execArgv does not reach its module loader on Node 20.
 */
function startWorker(workerData: unknown): Worker {
  const js = new URL('./worker.js', import.meta.url);
  if (existsSync(js)) return new Worker(js, { workerData });
  // tsx's ESM API (its `import` condition; require.resolve would give the CommonJS one).
  const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const ts = new URL('./worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(ts)}, ${JSON.stringify(ts)}))`;
  return new Worker(bootstrap, { eval: true, workerData });
}

interface Pending {
  input: DetectorInput;
  /** undefined: detection failed (not memoised, so a later upload of the same bytes tries again). */
  resolve(faces: DetectedFace[] | undefined): void;
}

/** Boxes from detector pixels back to the displayed image: edges rounded, then clamped to it. */
function toDisplayed(faces: readonly DetectedFace[], input: DetectorInput): DetectedFace[] {
  const { scale, original } = input;
  return faces.flatMap((f) => {
    const left = Math.max(0, Math.round(f.x * scale));
    const top = Math.max(0, Math.round(f.y * scale));
    const right = Math.min(original.width, Math.round((f.x + f.width) * scale));
    const bottom = Math.min(original.height, Math.round((f.y + f.height) * scale));
    const box = { x: left, y: top, width: right - left, height: bottom - top };
    return box.width > 0 && box.height > 0 ? [{ ...box, score: Math.round(f.score * 1000) / 1000 }] : [];
  });
}

export function createFaceDetector(options: FaceDetectorOptions = {}): FaceDetector {
  const onError = options.onError ?? (() => {});
  const memoSize = options.memoSize ?? 512;
  const memo = new Map<string, Promise<DetectedFace[] | undefined>>();
  let worker: Worker | undefined;
  let ready = false;
  /** Set when the model could not load: detection is off for this detector's life. */
  let disabled = false;
  let nextId = 1;
  const waiting: Pending[] = [];
  const inFlight = new Map<number, Pending>();
  let idleTimer: NodeJS.Timeout | undefined;

  const settleAll = (faces: DetectedFace[] | undefined) => {
    for (const p of [...waiting.splice(0), ...inFlight.values()]) p.resolve(faces);
    inFlight.clear();
  };

  const unload = () => {
    const w = worker;
    worker = undefined;
    if (w) void w.terminate();
  };

  /** The worker keeps the process alive only while it has work; without work it is unloaded after idleMs. */
  const updateRef = () => {
    clearTimeout(idleTimer);
    if (inFlight.size > 0 || waiting.length > 0) {
      worker?.ref();
      return;
    }
    worker?.unref();
    if (worker && options.idleMs !== undefined) {
      idleTimer = setTimeout(unload, options.idleMs);
      idleTimer.unref();
    }
  };

  const send = (p: Pending) => {
    const id = nextId++;
    inFlight.set(id, p);
    const { data, width, height } = p.input;
    worker!.postMessage({ id, width, height, data }, [data.buffer as ArrayBuffer]);
  };

  const start = () => {
    const w = startWorker({ modelDir: options.modelDir });
    worker = w;
    ready = false;
    w.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'ready':
          ready = true;
          for (const p of waiting.splice(0)) send(p);
          break;
        case 'failed':
          disabled = true;
          onError(`face detection is off: the model did not load (${message.message}); images get no faces`);
          settleAll(undefined);
          void w.terminate();
          break;
        case 'result':
        case 'error': {
          const p = inFlight.get(message.id);
          inFlight.delete(message.id);
          if (!p) break;
          if (message.type === 'error') onError(`face detection failed for one image (${message.message}); it gets no faces`);
          p.resolve(message.type === 'result' ? toDisplayed(message.faces, p.input) : undefined);
          break;
        }
      }
      updateRef();
    });
    w.on('error', (err) => onError('the face detection worker failed; pending images get no faces', err));
    w.on('exit', () => {
      if (worker !== w) return;
      // A crash loses what it held; the next request starts a fresh worker (unless the model is the problem).
      worker = undefined;
      settleAll(undefined);
    });
  };

  const enqueue = (input: DetectorInput) =>
    new Promise<DetectedFace[] | undefined>((resolve) => {
      if (disabled) return resolve(undefined);
      const p = { input, resolve };
      if (!worker) start();
      if (ready) send(p);
      else waiting.push(p);
      updateRef();
    });

  const detectUncached = async (image: Buffer): Promise<DetectedFace[] | undefined> => {
    let input: DetectorInput;
    try {
      input = await detectorInput(image);
    } catch (err) {
      onError('face detection could not decode an image; it gets no faces', err);
      return undefined;
    }
    return enqueue(input);
  };

  const copies = (faces: DetectedFace[] | undefined) => (faces ?? []).map((f) => ({ ...f }));

  return {
    warmUp() {
      if (worker || disabled) return;
      start();
      updateRef();
    },
    detect(image) {
      if (disabled) return Promise.resolve([]);
      const key = createHash('sha256').update(image).digest('hex');
      let result = memo.get(key);
      // Most recently used last, so the oldest is evicted first.
      memo.delete(key);
      if (!result) {
        const fresh = detectUncached(image);
        void fresh.then((faces) => {
          if (faces === undefined && memo.get(key) === fresh) memo.delete(key);
        });
        result = fresh;
      }
      memo.set(key, result);
      if (memo.size > memoSize) memo.delete(memo.keys().next().value!);
      return result.then(copies);
    },
    get loaded() {
      return worker !== undefined;
    },
    async close() {
      clearTimeout(idleTimer);
      const w = worker;
      worker = undefined;
      settleAll(undefined);
      if (w) await w.terminate();
    },
  };
}
