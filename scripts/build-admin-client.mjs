// Bundles the editor's browser code (src/admin/client) into dist/admin-client/: app.js for every
// page, and chunks (content-hashed names) that pages load when they need them, such as the
// ProseMirror editor. Part of `npm run build`; the output is generated, never committed.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const outdir = 'dist/admin-client';
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { app: 'src/admin/client/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  minify: true,
  target: ['es2020'],
  legalComments: 'none',
  logLevel: 'warning',
});
