// Bundle size of each widget as a user ships it: JS and CSS, minified by esbuild with code splitting,
// then gzip. "first load" is what a page loads before the widget shows (the entry and its static
// imports); "total" adds what loads on first use (tus-js-client when the first upload starts, ...).
// The demo page's own bundle (packages/elements/dist, as `mediabay serve` sends it) gets a row too.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildForSize, type SizeEntry } from './build.js';
import { kib, printTable } from './table.js';

const gzipped = (files: Uint8Array[]) => files.reduce((sum, file) => sum + gzipSync(file).length, 0);

/** dist/mediabay-elements.bundle.js and its chunks: first load = the bundle and its static imports */
async function demoBundle(): Promise<{ first: Uint8Array[]; later: Uint8Array[] }> {
  const dist = fileURLToPath(new URL('../../packages/elements/dist/', import.meta.url));
  const read = (path: string) => readFile(`${dist}${path}`);
  const first = new Map<string, Uint8Array>([
    ['mediabay-elements.bundle.js', await read('mediabay-elements.bundle.js')],
  ]);
  const all = new Map(first);
  for (const [path, bytes] of all) {
    const text = Buffer.from(bytes).toString('utf8');
    const base = path.includes('/') ? 'chunks/' : '';
    for (const match of text.matchAll(/\b(import\s*\(|import|from)\s*"\.\/([^"]+\.js)"/g)) {
      const target = base ? `chunks/${match[2]}` : match[2]!.replace(/^\.\//, '');
      if (!all.has(target)) all.set(target, await read(target));
      if (first.has(path) && !match[1]!.includes('(')) first.set(target, all.get(target)!);
    }
  }
  return {
    first: [...first.values()],
    later: [...all].filter(([path]) => !first.has(path)).map(([, b]) => b),
  };
}

export async function benchBundleSize(): Promise<void> {
  const rows = [];
  const widgets: Record<SizeEntry, string> = {
    mediabay: 'Mediabay (3 elements + core + tus-js-client + lit)',
    'mediabay-dropzone': 'Mediabay <upload-dropzone> alone',
    uppy: 'Uppy 6 (core + dashboard + tus)',
    filepond: 'FilePond 4',
  };
  const row = (label: string, first: Uint8Array[], later: Uint8Array[], css: Uint8Array) => {
    const cssGzip = css.length ? gzipSync(css).length : 0;
    return {
      bundle: label,
      'first load JS+CSS': kib(gzipped(first) + cssGzip),
      'on first use': kib(gzipped(later)),
      total: kib(gzipped(first) + gzipped(later) + cssGzip),
      CSS: css.length ? kib(cssGzip) : '(in JS)',
    };
  };
  for (const [entry, label] of Object.entries(widgets) as [SizeEntry, string][]) {
    const { first, later, css } = await buildForSize(entry);
    rows.push(row(label, first, later, css));
  }
  const demo = await demoBundle();
  rows.push(row('Mediabay demo page (dist bundle)', demo.first, demo.later, new Uint8Array()));
  printTable('Bundle size (esbuild, minified, es2022, split; gzip level 6)', rows);
}
