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

// Pure-JavaScript packages a start loads, bundled with what they import: Node spends longer
// finding and reading their files (kysely's ESM build is 260-odd of them, Fastify pulls in
// semver's 47, prom-client @opentelemetry/api's 51) than running them.
const bundled = new Set([
  'kysely',
  'fastify',
  '@fastify/cookie',
  '@fastify/csrf-protection',
  '@fastify/formbody',
  '@fastify/rate-limit',
  'prom-client',
  'file-type',
  'diff',
  '@contentful/rich-text-types',
  '@contentful/rich-text-html-renderer',
  'otpauth',
  'ipaddr.js',
  'thumbhash',
]);
// Never bundled, wherever imported from: native addons, and pino, whose transports start worker
// threads from its files on disk.
const external = new Set(['better-sqlite3', 'argon2', 'sharp', 'pino', 'thread-stream']);
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
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = packageName(args.path);
      // What a bundled package imports is bundled with it.
      const wanted = bundled.has(name) || (args.importer.includes(`${path.sep}node_modules${path.sep}`) && !external.has(name));
      return args.path.startsWith('node:') || !wanted ? { path: args.path, external: true } : undefined;
    });
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
  // Bundled CommonJS packages require() the external ones (pino, the native addons).
  banner: { js: "import { createRequire as __folioCreateRequire } from 'node:module'; const require = __folioCreateRequire(import.meta.url);" },
  plugins: [metaUrlAsCompiled, externalPackages],
  logLevel: 'warning',
});
