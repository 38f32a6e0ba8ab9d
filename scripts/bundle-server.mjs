// Part of the build, after tsc: Folio's server code bundled into dist/cli/main.js (what `npm start`
// and the `folio` bin run), with the commands' code in chunks beside it that load when a command
// runs. Node's ESM loader spends most of a restart finding, reading and linking files one by one
// (several hundred of Folio's own and kysely's); one file each is far cheaper. Packages stay
// external, native ones above all, except the pure-JavaScript ones listed below.
// tsc's per-file output stays in dist/: the face worker (dist/faces/worker.js) runs from it.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const outdir = 'dist/cli';
const src = path.resolve('src');

// Kysely's ESM build is 260-odd small files; bundled it is one more part of main.js.
const bundled = new Set(['kysely']);
const packageName = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

// Chunks of an earlier build; tsc's own files in dist/cli are kept.
for (const name of readdirSync(outdir)) if (/\.bundle\.js(\.map)?$/.test(name)) rmSync(path.join(outdir, name));

/**
 * Every output lands in dist/cli, so a module's import.meta.url there is rewritten to the URL
 * its tsc-compiled file has (dist/<same path>.js): files found beside the code (the demo's
 * images, the face worker, the editor's bundle, package.json) are where they always were.
 */
const metaUrlAsCompiled = {
  name: 'meta-url-as-compiled',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const code = readFileSync(args.path, 'utf8');
      if (!code.includes('import.meta.url')) return undefined;
      const compiled = path.relative(src, args.path).replace(/\.ts$/, '.js').split(path.sep).join('/');
      const url = `new URL(${JSON.stringify(`../${compiled}`)}, import.meta.url).href`;
      return { contents: code.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('node:') || !bundled.has(packageName(args.path)) ? { path: args.path, external: true } : undefined,
    );
  },
};

await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  entryNames: '[name]',
  chunkNames: '[name]-[hash].bundle',
  sourcemap: true,
  plugins: [metaUrlAsCompiled, externalPackages],
  logLevel: 'warning',
});
