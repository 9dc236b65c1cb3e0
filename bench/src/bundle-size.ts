// Bundle size of each widget as a user ships it: JS and CSS, minified by esbuild, then gzip.
import { gzipSync } from 'node:zlib';
import { buildForSize } from './build.js';
import { kib, printTable } from './table.js';

export async function benchBundleSize(): Promise<void> {
  const rows = [];
  const widgets = {
    mediabay: 'Mediabay (3 elements + core + tus-js-client + lit)',
    uppy: 'Uppy 6 (core + dashboard + tus)',
    filepond: 'FilePond 4',
  } as const;
  for (const [widget, label] of Object.entries(widgets)) {
    const { js, css } = await buildForSize(widget as keyof typeof widgets);
    const jsGzip = gzipSync(js).length;
    const cssGzip = css.length ? gzipSync(css).length : 0;
    rows.push({
      bundle: label,
      'JS min': kib(js.length),
      'JS min+gzip': kib(jsGzip),
      'CSS min+gzip': css.length ? kib(cssGzip) : '(in JS)',
      'total min+gzip': kib(jsGzip + cssGzip),
    });
  }
  printTable('Bundle size (esbuild, minified, es2022; gzip level 6)', rows);
}
