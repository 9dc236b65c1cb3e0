// Minifies the `css` and `html` tagged templates in dist/ (tsc's output), in place: what apps bundle
// from this package and what scripts/bundle.mjs makes the demo bundle from. Bundlers minify JS but
// leave template literals as they are, so without this the styles ship with their comments and the
// templates with their indentation (about 3 KiB gzip in all).
// - A `css` literal without `${...}` or backslashes is minified by esbuild's CSS minifier; one with
//   them only loses its indentation.
// - An `html` literal loses the indentation after each line break (a run of white space that holds a
//   line break renders as one space wherever white space collapses; the elements have no <pre>).
// Line breaks are kept (a minified style sheet gets them at its end), so the source maps still line
// up. Idempotent: a minified template minifies to itself. Templates are found with TypeScript's
// parser, so `${...}` holding other templates is handled.
import { transform } from 'esbuild';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

const indentation = (raw) => raw.replace(/[ \t]*\n[ \t]*/g, '\n');

async function minifyCss(raw) {
  const breaks = raw.split('\n').length - 1;
  const { code } = await transform(raw, { loader: 'css', minify: true, logLevel: 'error' });
  return code.trim() + '\n'.repeat(breaks);
}

/** [start, end, replacement] for each static part of the file's css and html templates */
async function editsOf(source, path) {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const pending = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ['css', 'html'].includes(node.tag.getText(file))) {
      const template = node.template;
      const whole = ts.isNoSubstitutionTemplateLiteral(template);
      const parts = whole ? [template] : [template.head, ...template.templateSpans.map((s) => s.literal)];
      for (const part of parts) {
        const start = part.getStart(file) + 1; // after ` or }
        const end = part.getEnd() - (ts.isTemplateHead(part) || ts.isTemplateMiddle(part) ? 2 : 1);
        const raw = source.slice(start, end);
        const sheet = whole && node.tag.getText(file) === 'css' && !raw.includes('\\');
        pending.push(
          Promise.resolve(sheet ? minifyCss(raw) : indentation(raw)).then((text) => [start, end, text]),
        );
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return Promise.all(pending);
}

async function minifyFile(path) {
  const source = await readFile(path, 'utf8');
  if (!/\b(css|html)\s*`/.test(source)) return 0;
  const edits = (await editsOf(source, path)).sort((a, b) => b[0] - a[0]);
  let out = source;
  for (const [start, end, text] of edits) out = out.slice(0, start) + text + out.slice(end);
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
console.log(`minify-templates: ${(saved / 1024).toFixed(1)} KiB of white space and comments left out`);
