/**
 * The editor's browser code, built by esbuild (`npm run build` → dist/admin-client/) and served
 * under content-hashed URLs with a year-long cache: app.js as app.<hash>.js, and the chunks it
 * imports (already hashed by esbuild) under chunks/. Without a build the pages still work, only
 * without their JavaScript.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ClientBundle {
  href: string;
  code: Buffer;
  /** Chunk file name → code, served at /admin/assets/chunks/<name>. */
  chunks: Map<string, Buffer>;
}

/** src/admin and dist/admin are both two levels below the package root. */
const bundleDir = fileURLToPath(new URL('../../dist/admin-client/', import.meta.url));

export function loadClientBundle(dir = bundleDir): ClientBundle | undefined {
  let code: Buffer;
  try {
    code = fs.readFileSync(path.join(dir, 'app.js'));
  } catch {
    return undefined;
  }
  const chunks = new Map<string, Buffer>();
  const chunkDir = path.join(dir, 'chunks');
  for (const name of fs.existsSync(chunkDir) ? fs.readdirSync(chunkDir) : []) {
    if (/^[\w-]+\.js$/.test(name)) chunks.set(name, fs.readFileSync(path.join(chunkDir, name)));
  }
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 12);
  return { href: `/admin/assets/app.${hash}.js`, code, chunks };
}
