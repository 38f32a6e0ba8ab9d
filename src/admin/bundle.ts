/**
 * The editor's browser code, built by esbuild (`npm run build` → dist/admin-client/) and served
 * under a content-hashed URL with a year-long cache. Without a build the pages still work,
 * only without their JavaScript.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ClientBundle {
  href: string;
  code: Buffer;
}

/** src/admin and dist/admin are both two levels below the package root. */
const bundleFile = fileURLToPath(new URL('../../dist/admin-client/app.js', import.meta.url));

export function loadClientBundle(file = bundleFile): ClientBundle | undefined {
  let code: Buffer;
  try {
    code = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 12);
  return { href: `/admin/assets/app.${hash}.js`, code };
}
