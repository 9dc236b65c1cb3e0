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
const SIZE_ENTRIES: Record<Exclude<Widget, 'baseline'>, string> = {
  mediabay: `import '@mediabay/elements';`,
  uppy: `import Uppy from '@uppy/core'; import Dashboard from '@uppy/dashboard'; import Tus from '@uppy/tus';
    new Uppy().use(Dashboard, { inline: true, target: 'body' }).use(Tus, { endpoint: '/uploads' });`,
  filepond: `import { create } from 'filepond'; create(document.querySelector('input'));`,
};

export async function buildForSize(widget: Exclude<Widget, 'baseline'>): Promise<BuiltWidget> {
  const js = await build({
    ...common,
    stdin: { contents: SIZE_ENTRIES[widget], loader: 'js', resolveDir: here('..') },
    outfile: 'size.js',
  });
  return { js: js.outputFiles![0]!.contents, css: await buildCss(widget) };
}
