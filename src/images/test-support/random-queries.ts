/** Cold Images API queries of random sizes, fits and formats, the same for a seed. */
import { sourceIds } from './server-process.js';

/** A small seeded generator (mulberry32): the same requests every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fits = ['', 'fill', 'pad', 'scale', 'crop', 'thumb'];
const formats = ['jpg', 'png', 'webp', 'avif', 'gif', 'tiff', 'auto'];

/** `count` distinct cold queries; the first ones are the worst the parameters allow. */
export function randomQueries(count: number, seed = 1): { asset: string; query: string }[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const worst = [
    { asset: sourceIds[0]!, query: 'w=4000&h=4000&fit=fill&fm=avif' },
    { asset: sourceIds[0]!, query: 'w=4000&h=4000&fm=gif' },
    { asset: sourceIds[0]!, query: 'w=2560&h=1600&fit=fill&fm=avif' },
    { asset: sourceIds[1]!, query: 'w=4000&h=4000&fit=pad&fm=png' },
  ];
  const queries = worst.slice(0, count);
  for (let i = queries.length; i < count; i++) {
    const fit = pick(fits);
    const parts = [`w=${16 + Math.floor(next() * 3985)}`, `h=${16 + Math.floor(next() * 3985)}`, `q=${1 + (i % 100)}`];
    if (fit) parts.push(`fit=${fit}`);
    parts.push(`fm=${pick(formats)}`);
    queries.push({ asset: pick(sourceIds), query: parts.join('&') });
  }
  return queries;
}

