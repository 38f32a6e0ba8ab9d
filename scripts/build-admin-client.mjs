// Bundles the editor's browser code (src/admin/client) into dist/admin-client/app.js.
// Part of `npm run build`; the output is generated, never committed.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/admin/client/main.ts'],
  outfile: 'dist/admin-client/app.js',
  bundle: true,
  format: 'esm',
  minify: true,
  target: ['es2020'],
  legalComments: 'none',
  logLevel: 'warning',
});
