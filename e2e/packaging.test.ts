// What `npm publish` would ship for each package: every `exports` target with types and a default
// is in the tarball, no tests or test helpers are, and `sideEffects` names exactly the modules that
// register custom elements (so bundlers may drop everything else, and never drop a registration).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

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
    // Registering modules, plus the entry points that import them for their effect.
    const entries = Object.values(manifest.exports)
      .map((target) => (typeof target === 'string' ? target : target.default))
      .filter((path): path is string => !!path && path.endsWith('.js'))
      .map((path) => path.replace(/^\.\//, ''));
    assert.deepEqual(declared.sort(), [...new Set([...registering, ...entries])].sort());
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
