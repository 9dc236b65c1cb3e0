// What `npm publish` would ship for each package: every `exports` target with types and a default
// is in the tarball, no tests or test helpers are, and `sideEffects` names exactly the modules that
// register custom elements or import one for its effect (so bundlers may drop everything else, and
// never drop a registration).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

const run = promisify(execFile);
const packagesDir = fileURLToPath(new URL('../packages/', import.meta.url));

type Target = string | { types?: string; default?: string; [condition: string]: unknown };
interface Manifest {
  name: string;
  version: string;
  exports: Record<string, Target>;
  sideEffects: boolean | string[];
  files: string[];
}

async function packed(dir: string): Promise<Set<string>> {
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir });
  const [result] = JSON.parse(stdout) as { files: { path: string }[] }[];
  return new Set(result!.files.map((file) => file.path));
}

/** `sideEffects` globs as npm bundlers read them: `**` any folders, `*` within one name. */
function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/^\.\//, '')
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*\//g, '(?:.*/)?')
    .replace(/\*/g, '[^/]*');
  return new RegExp(`^${body}$`);
}

/**
 * The registering modules plus every module that imports one of them for its effect
 * (`import './x.js'`, what tsc keeps of such an import), to the fixpoint: what `sideEffects` must list.
 */
async function withImporters(dir: string, modules: string[], registering: string[]): Promise<string[]> {
  const effectful = new Set(registering);
  const bare = new Map<string, string[]>();
  for (const path of modules) {
    const text = await readFile(join(dir, path), 'utf8');
    const targets = [...text.matchAll(/^import\s*["']([^"']+)["'];?$/gm)].map((m) =>
      posix.join(posix.dirname(path), m[1] as string),
    );
    bare.set(path, targets);
  }
  for (let grew = true; grew;) {
    grew = false;
    for (const [path, targets] of bare)
      if (!effectful.has(path) && targets.some((target) => effectful.has(target))) {
        effectful.add(path);
        grew = true;
      }
  }
  return [...effectful];
}

const NAMES = ['core', 'elements', 'server-kit'];
const tarballs = new Map<string, Set<string>>();

// npm takes a few seconds per package: pack all three at once.
before(async () => {
  await Promise.all(NAMES.map(async (name) => tarballs.set(name, await packed(join(packagesDir, name)))));
});

for (const name of NAMES) {
  test(`@mediabay/${name} ships its exports, types, no tests, and honest sideEffects`, async () => {
    const dir = join(packagesDir, name);
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Manifest;
    const files = tarballs.get(name)!;

    assert.match(manifest.version, /^\d+\.\d+\.\d+/);
    assert.ok(files.has('README.md'), 'README.md is shipped');
    assert.ok(files.has('CHANGELOG.md'), 'CHANGELOG.md is shipped');
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      if (typeof target === 'string') {
        assert.ok(files.has(target.replace(/^\.\//, '')), `${subpath} -> ${target} is in the tarball`);
        continue;
      }
      assert.ok(target.types && target.default, `${subpath} has "types" and "default"`);
      assert.deepEqual(Object.keys(target).at(-1), 'default', `${subpath}: "default" comes last`);
      for (const path of [target.types, target.default])
        assert.ok(files.has(path.replace(/^\.\//, '')), `${subpath} -> ${path} is in the tarball`);
    }
    const leaked = [...files].filter((path) => /\.test\.|test-support\/|\.tsbuildinfo$/.test(path));
    assert.deepEqual(leaked, [], 'no tests or test helpers are shipped');

    const modules = [...files].filter((path) => path.startsWith('dist/') && path.endsWith('.js'));
    const registering: string[] = [];
    for (const path of modules)
      if ((await readFile(join(dir, path), 'utf8')).includes('customElements.define('))
        registering.push(path);
    if (manifest.sideEffects === false) {
      assert.deepEqual(registering, [], 'a package without side effects registers no elements');
      return;
    }
    assert.ok(Array.isArray(manifest.sideEffects), 'sideEffects is false or a list');
    const patterns = manifest.sideEffects.map(globToRegExp);
    const declared = modules.filter((path) => patterns.some((pattern) => pattern.test(path)));
    const effectful = await withImporters(dir, modules, registering);
    assert.deepEqual(declared.sort(), effectful.sort());
  });
}

test('@mediabay/elements/bundle is a module for a plain <script type="module">: it imports only its own chunks', async () => {
  const dist = join(packagesDir, 'elements/dist');
  const bundle = await readFile(join(dist, 'mediabay-elements.bundle.js'), 'utf8');
  const imports = [...bundle.matchAll(/(?:\bimport\s*\(?|\bfrom)\s*["'`]([^"'`]+)["'`]/g)].map(
    (m) => m[1] as string,
  );
  for (const path of imports) {
    assert.match(
      path,
      /^\.\/chunks\/[\w-]+-[A-Z0-9]{8,}\.js$/,
      `${path} is a content-hashed chunk of the bundle`,
    );
    await readFile(join(dist, path)); // and it was built
  }
  assert.ok(!/\bprocess\.env\b/.test(bundle), 'process.env is replaced at build time');
  for (const tag of ['media-library', 'upload-dropzone', 'upload-panel'])
    assert.ok(bundle.includes(`"${tag}"`), `the bundle registers <${tag}>`);
});

/**
 * min+gzip bytes of what an app ships for `source` (bundled by esbuild from the elements package, code
 * split): `first`, what its page loads first (the entry and the chunks it imports statically, not what
 * it imports on first use), `total`, every chunk, and `inputs`, the modules bundled into any of them.
 */
async function shipped(source: string): Promise<{ first: number; total: number; inputs: string[] }> {
  const { build } = await import('esbuild');
  const result = await build({
    stdin: { contents: source, resolveDir: join(packagesDir, 'elements'), loader: 'js' },
    bundle: true,
    write: false,
    splitting: true,
    outdir: '/out',
    metafile: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((path) => outputs[path]!.entryPoint === '<stdin>')!;
  const first = new Set([entry]);
  for (const path of first)
    for (const imported of outputs[path]!.imports)
      if (imported.kind === 'import-statement') first.add(imported.path);
  const sizes = { first: 0, total: 0 };
  for (const file of result.outputFiles) {
    if (!file.path.endsWith('.js')) continue;
    const bytes = gzipSync(file.contents, { level: 9 }).length;
    sizes.total += bytes;
    if (first.has(relative(process.cwd(), file.path)) || first.has(file.path.replace(/^\//, '')))
      sizes.first += bytes;
  }
  const inputs = Object.values(outputs).flatMap((output) => Object.keys(output.inputs));
  return { ...sizes, inputs };
}

test('each element has its own entry: the dropzone alone bundles to well under the whole, the classes to no tag', async (t) => {
  const whole = await shipped(`import '@mediabay/elements';`);
  const dropzone = await shipped(`import '@mediabay/elements/upload-dropzone';`);
  const panel = await shipped(`import '@mediabay/elements/upload-panel';`);
  const sizes = (name: string, { first, total }: { first: number; total: number }) =>
    `${name} ${first} B first, ${total} B in all`;
  t.diagnostic(`min+gzip: ${sizes('all', whole)}; ${sizes('dropzone', dropzone)}; ${sizes('panel', panel)}`);
  assert.ok(dropzone.first > 1000, 'the measure counts the entry');
  // The whole loads its library's parts after first paint, so first loads are not a fair pair: what
  // each ships in all is, and the dropzone ships none of the library's or the panel's code.
  assert.ok(
    dropzone.total < whole.total * 0.7,
    `dropzone vs all: ${sizes('', dropzone)} vs ${sizes('', whole)}`,
  );
  assert.ok(dropzone.first < whole.first, 'the dropzone loads less before it shows than the whole');
  const foreign = dropzone.inputs.filter((input) =>
    /elements\/dist\/(media-library|upload-panel)\/|@lit-labs\/virtualizer/.test(input),
  );
  assert.deepEqual(
    foreign,
    [],
    'the dropzone alone bundles nothing of the library, the panel or the virtualizer',
  );
  assert.ok(panel.total < whole.total, `panel vs all: ${sizes('', panel)} vs ${sizes('', whole)}`);
  // An app that imports only the classes and never uses them ships nothing of them.
  assert.ok((await shipped(`import '@mediabay/elements/classes';`)).first < 100, 'classes are tree-shaken');
  const { build } = await import('esbuild');
  const classes = await build({
    stdin: {
      contents: `export { MediaLibrary } from '@mediabay/elements/classes';`,
      resolveDir: join(packagesDir, 'elements'),
      loader: 'js',
    },
    bundle: true,
    write: false,
    format: 'esm',
    logLevel: 'silent',
  });
  // Only <lit-virtualizer> may be defined, inside a module a library initialises after its first paint.
  const text = classes.outputFiles[0]!.text;
  const defined = [...text.matchAll(/customElements\.define\(\s*["'`]([\w-]+)/g)];
  for (const match of defined) {
    assert.equal(match[1], 'lit-virtualizer', 'the classes define no tag of ours');
    const module = text.slice(text.lastIndexOf('var init_', match.index), match.index);
    assert.match(
      module,
      /^var init_\w+ = __esm\(/,
      '<lit-virtualizer> is defined only when its module is first used',
    );
    assert.ok(!module.includes('\n});'), 'the define is inside that lazily run module, not after it');
  }
});

test('published dependencies take caret ranges; lit is a peer of the elements', async () => {
  for (const name of NAMES) {
    const manifest = JSON.parse(await readFile(join(packagesDir, name, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
    };
    for (const [dependency, range] of Object.entries(manifest.dependencies ?? {}))
      assert.match(
        range,
        /^(\^\d|workspace:\^$)/,
        `@mediabay/${name}: ${dependency} ${range} is a caret range`,
      );
    if (name === 'elements') {
      assert.equal(manifest.dependencies?.lit, undefined, 'lit is not a dependency of the elements');
      assert.match(manifest.peerDependencies?.lit ?? '', /^\^3\./, 'lit ^3 is a peer of the elements');
    }
  }
});
