// Bundles a browser entry of e2e/support/pages with esbuild into `outdir` beside an index.html that
// loads it, so a test can serve a real page (Uppy, our client on another origin) from any origin.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export async function bundlePage(
  entry: string,
  outdir: string,
  options: { name?: string; head?: string; body?: string } = {},
): Promise<void> {
  const name = options.name ?? 'index';
  await build({
    entryPoints: [fileURLToPath(new URL(`./pages/${entry}`, import.meta.url))],
    outfile: join(outdir, `${name}.js`),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  await writeFile(
    join(outdir, `${name}.html`),
    `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">` +
      `${options.head ?? ''}` +
      `<script type="module" src="./${name}.js"></script></head><body>${options.body ?? ''}</body></html>`,
  );
}
