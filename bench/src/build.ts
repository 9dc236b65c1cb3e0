// Bundles the bench pages and the size-comparison entries with esbuild, in memory: every widget is
// built the same way (ESM, minified, es2022, NODE_ENV=production), so sizes and pages compare fairly.
import { build, type BuildOptions } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const WIDGETS = ['mediabay', 'uppy', 'filepond', 'baseline'] as const;
export type Widget = (typeof WIDGETS)[number];

/** Stylesheets each widget asks its users to load besides its script (Mediabay's live in its shadow roots). */
const STYLESHEETS: Record<Widget, string[]> = {
  mediabay: [],
  uppy: ['@uppy/core/css/style.min.css', '@uppy/dashboard/css/style.min.css'],
  filepond: ['filepond/dist/filepond.min.css'],
  baseline: [],
};

const common: BuildOptions = {
  bundle: true,
  write: false,
  minify: process.env.BENCH_MINIFY !== '0', // 0: readable names in profiles
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'error',
  absWorkingDir: here('..'),
};

export interface BuiltWidget {
  js: Uint8Array;
  css: Uint8Array;
}

/** The page script (harness included) and the widget's CSS, ready to serve. */
export async function buildPage(widget: Widget): Promise<BuiltWidget> {
  const js = await build({ ...common, entryPoints: [here(`../pages/${widget}.ts`)], outfile: 'page.js' });
  return { js: js.outputFiles![0]!.contents, css: await buildCss(widget) };
}

async function buildCss(widget: Widget): Promise<Uint8Array> {
  if (STYLESHEETS[widget].length === 0) return new Uint8Array();
  const css = await build({
    ...common,
    stdin: {
      contents: STYLESHEETS[widget].map((sheet) => `@import '${sheet}';`).join('\n'),
      loader: 'css',
      resolveDir: here('..'),
    },
    outfile: 'page.css',
  });
  return css.outputFiles![0]!.contents;
}

/** What a user ships for "an upload widget with a file list and resumable uploads", nothing else. */
const SIZE_ENTRIES: Record<SizeEntry, string> = {
  mediabay: `import '@mediabay/elements';`,
  'mediabay-dropzone': `import '@mediabay/elements/upload-dropzone';`,
  uppy: `import Uppy from '@uppy/core'; import Dashboard from '@uppy/dashboard'; import Tus from '@uppy/tus';
    new Uppy().use(Dashboard, { inline: true, target: 'body' }).use(Tus, { endpoint: '/uploads' });`,
  filepond: `import { create } from 'filepond'; create(document.querySelector('input'));`,
};
export type SizeEntry = Exclude<Widget, 'baseline'> | 'mediabay-dropzone';

export interface SizedWidget {
  /** the entry and the chunks it imports statically: what loads before anything shows */
  first: Uint8Array[];
  /** the chunks imported on first use (`import()`) */
  later: Uint8Array[];
  css: Uint8Array;
}

/** Built with code splitting, as an app's bundler would: what loads first, and what loads on use. */
export async function buildForSize(entry: SizeEntry): Promise<SizedWidget> {
  const result = await build({
    ...common,
    stdin: { contents: SIZE_ENTRIES[entry], loader: 'js', resolveDir: here('..') },
    splitting: true,
    outdir: here('../.size-out'),
    metafile: true,
  });
  const outputs = result.metafile!.outputs;
  const byPath = new Map(Object.keys(outputs).map((path) => [here(`../${path}`), path]));
  // dynamic imports are entry points too: the page's entry is the one made from stdin
  const first = new Set(Object.keys(outputs).filter((path) => outputs[path]!.entryPoint === '<stdin>'));
  for (const path of first)
    for (const imported of outputs[path]!.imports)
      if (imported.kind === 'import-statement') first.add(imported.path);
  const js = result.outputFiles!.filter((file) => file.path.endsWith('.js'));
  const widget = entry === 'mediabay-dropzone' ? 'mediabay' : entry;
  return {
    first: js.filter((file) => first.has(byPath.get(file.path) ?? '')).map((file) => file.contents),
    later: js.filter((file) => !first.has(byPath.get(file.path) ?? '')).map((file) => file.contents),
    css: await buildCss(widget),
  };
}
