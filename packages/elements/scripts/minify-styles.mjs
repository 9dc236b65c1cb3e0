// Minifies the CSS of every `css` tagged template in dist/ (tsc's output) with esbuild, in place:
// what apps bundle from this package and what scripts/bundle.mjs makes the demo bundle from. Bundlers
// minify JS but leave template literals as they are, so without this the styles ship with their
// comments and indentation (about 2 KiB gzip). A literal with `${...}` or a backslash is left as it is.
// Each minified literal keeps its line breaks at its end, so the source maps still line up.
// Idempotent: a minified literal minifies to itself.
import { transform } from 'esbuild';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const LITERAL = /\bcss\s*`((?:[^`\\$]|\$(?!\{))*)`/g;

async function minifyCss(text) {
  const breaks = text.split('\n').length - 1;
  const { code } = await transform(text, { loader: 'css', minify: true, logLevel: 'error' });
  return code.trim() + '\n'.repeat(breaks);
}

async function minifyFile(path) {
  const source = await readFile(path, 'utf8');
  const found = [...source.matchAll(LITERAL)];
  if (found.length === 0) return 0;
  const minified = await Promise.all(found.map((match) => minifyCss(match[1])));
  let at = 0;
  let out = '';
  found.forEach((match, index) => {
    out += `${source.slice(at, match.index)}css\`${minified[index]}\``;
    at = match.index + match[0].length;
  });
  out += source.slice(at);
  if (out === source) return 0;
  await writeFile(path, out);
  return source.length - out.length;
}

const files = (await readdir(dist, { recursive: true })).filter(
  (path) => path.endsWith('.js') && !path.startsWith('chunks') && !path.includes('.bundle.'),
);
const saved = (await Promise.all(files.map((path) => minifyFile(`${dist}${path}`)))).reduce(
  (a, b) => a + b,
  0,
);
console.log(`minify-styles: ${(saved / 1024).toFixed(1)} KiB of CSS whitespace and comments left out`);
