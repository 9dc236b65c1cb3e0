// Builds dist/mediabay-elements.bundle.js: one self-contained, minified ES module that registers all
// three elements (lit, core, tus-js-client inlined), for pages without a bundler. Prints its size.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const outfile = here('../dist/mediabay-elements.bundle.js');

await build({
  entryPoints: [here('../dist/index.js')],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});

const bytes = await readFile(outfile);
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`dist/mediabay-elements.bundle.js  ${kib(bytes.length)}  (gzip ${kib(gzipSync(bytes).length)})`);
