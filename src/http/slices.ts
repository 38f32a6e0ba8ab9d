import { performance } from 'node:perf_hooks';
import type { FastifyReply } from 'fastify';

/**
 * Work on big answers in slices, so one request never holds the event loop for long: a list of
 * 1000 entries with its includes took tens of milliseconds to shape and stringify in one go,
 * and several times that on a busy machine. Each helper gives the loop back after `budgetMs`.
 */
const budgetMs = 8;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Counts the time since the loop last had a turn; `pause` gives it one when the budget is spent. */
function sliceClock() {
  let start = performance.now();
  return {
    due: () => performance.now() - start > budgetMs,
    async pause() {
      await yieldToLoop();
      start = performance.now();
    },
  };
}

/** items.map(fn), with the loop free between slices. */
export async function mapInSlices<T, U>(items: readonly T[], fn: (item: T) => U): Promise<U[]> {
  const clock = sliceClock();
  const out: U[] = [];
  for (const item of items) {
    if (clock.due()) await clock.pause();
    out.push(fn(item));
  }
  return out;
}

/** Calls fn on each item, with the loop free between slices. */
export async function eachInSlices<T>(items: Iterable<T>, fn: (item: T) => void): Promise<void> {
  const clock = sliceClock();
  for (const item of items) {
    if (clock.due()) await clock.pause();
    fn(item);
  }
}

const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';
const opens = (v: unknown): v is object => v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON !== 'function';

/** Items worth slicing for: fewer than this in every array outside arrays, and one call is quick. */
const manyItems = 50;
const holdsManyItems = (v: object): boolean =>
  Array.isArray(v) ? v.length >= manyItems : Object.values(v).some((item) => opens(item) && holdsManyItems(item));

/**
 * JSON.stringify(value), byte for byte, with the loop free between array items: objects outside
 * arrays are written key by key, each array item in one JSON.stringify call.
 */
export async function stringifyInSlices(value: unknown): Promise<string> {
  if (!opens(value) || !holdsManyItems(value)) return JSON.stringify(value);
  const clock = sliceClock();
  const parts: string[] = [];
  const write = async (v: object): Promise<void> => {
    if (Array.isArray(v)) {
      parts.push('[');
      for (let i = 0; i < v.length; i++) {
        if (clock.due()) await clock.pause();
        if (i > 0) parts.push(',');
        const item: unknown = v[i];
        parts.push(skipped(item) ? 'null' : JSON.stringify(item));
      }
      parts.push(']');
      return;
    }
    parts.push('{');
    let first = true;
    for (const [key, item] of Object.entries(v)) {
      if (skipped(item)) continue;
      parts.push(first ? '' : ',', JSON.stringify(key), ':');
      first = false;
      if (opens(item)) await write(item);
      else parts.push(JSON.stringify(item));
    }
    parts.push('}');
  };
  await write(value);
  return parts.join('');
}

/** Sends `body` as Fastify's own JSON serializer would (same bytes, same type), stringified in slices. */
export async function sendInSlices(reply: FastifyReply, body: unknown) {
  return reply.type('application/json; charset=utf-8').send(await stringifyInSlices(body));
}
