// Builds dist/mediabay-elements.bundle.js: a minified ES module that registers all three elements
// (lit, core, tus-js-client inlined), for pages without a bundler. What it imports lazily goes to
// content-hashed chunks (dist/chunks/name-HASH.js, cached for good by `mediabay serve`). Every output
// is also written brotli- and gzip-compressed beside itself, for static servers that send those.
// Prints the sizes.
import { build } from 'esbuild';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

await rm(here('../dist/chunks'), { recursive: true, force: true }); // chunks of an earlier build

/**
 * lit-virtualizer imports its default layout (flow) dynamically, for a virtualizer given no layout.
 * The library always gives one, and imports flow itself for its list: that dynamic import only made
 * flow and the layout base it shares with the grid a chunk of their own (3.5 KiB gzip, compressed
 * apart from the virtualizer). Here it is a static import, so they join the after-paint chunk.
 */
const flowStatic = {
  name: 'virtualizer-flow-static',
  setup(build) {
    build.onLoad({ filter: /@lit-labs[\\/]virtualizer[\\/]Virtualizer\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const dynamic = "(await import('./layouts/flow.js'))";
      if (!source.includes(dynamic)) throw new Error(`${args.path}: its flow import changed`);
      const contents = `import * as defaultLayout from './layouts/flow.js';\n${source.replace(dynamic, 'defaultLayout')}`;
      return { contents, loader: 'js' };
    });
  },
};

const result = await build({
  entryPoints: { 'mediabay-elements.bundle': here('../dist/index.js') },
  outdir: here('../dist'),
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  metafile: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  plugins: [flowStatic],
});

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
for (const output of Object.keys(result.metafile.outputs).filter((o) => o.endsWith('.js'))) {
  const bytes = await readFile(output);
  const gzip = gzipSync(bytes, { level: 9 });
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  await writeFile(`${output}.gz`, gzip);
  await writeFile(`${output}.br`, brotli);
  console.log(`${output}  ${kib(bytes.length)}  (gzip ${kib(gzip.length)}, brotli ${kib(brotli.length)})`);
}
