// The packages as a team installs them: `pnpm pack` each, then npm installs the tarballs into a
// fresh app with no network (a registry on loopback serves our tarballs and the copies of their
// dependencies pnpm installed here, see support/pack-registry.ts). The app imports every entry point,
// type-checks a React TSX and a Vue SFC that use the tags (with mistakes the typings must catch),
// and runs `mediabay serve` from the installed package, which shows the demo page at `/`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startPackRegistry, type PackRegistry } from './support/pack-registry.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../', import.meta.url));
const NAMES = ['core', 'elements', 'server-kit'];
const TOOLS: [string, string][] = [
  ['.', 'typescript'],
  ['examples/react', '@types/react'],
  ['examples/vue', 'vue'],
  ['examples/vue', 'vue-tsc'],
];

let dir: string;
let app: string;
let registry: PackRegistry;
const versions = new Map<string, string>();

async function version(from: string, name: string): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    [
      '-e',
      `const fs=require('fs'),p=require('path');let d=process.cwd();for(;;){const f=p.join(d,'node_modules',${JSON.stringify(name)},'package.json');if(fs.existsSync(f)){console.log(JSON.parse(fs.readFileSync(f,'utf8')).version);break}const u=p.dirname(d);if(u===d)process.exit(1);d=u}`,
    ],
    { cwd: join(root, from) },
  );
  return stdout.trim();
}

/** runs the app's `tsc` or `vue-tsc` on its tsconfig: '' when it passes, else what it printed */
async function typecheck(bin: 'tsc' | 'vue-tsc'): Promise<string> {
  return run(join(app, 'node_modules/.bin', bin), ['-p', '.'], { cwd: app }).then(
    () => '',
    (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}` || 'failed',
  );
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mb-install-'));
  const packs = join(dir, 'packs');
  await mkdir(packs);
  const tarballs: [string, string][] = [];
  for (const name of NAMES) {
    const cwd = join(root, 'packages', name);
    const { stdout } = await run('pnpm', ['pack', '--pack-destination', packs], { cwd });
    const file = stdout.trim().split('\n').at(-1)!.trim();
    tarballs.push([file.startsWith('/') ? file : join(packs, file), cwd]);
  }
  registry = await startPackRegistry(
    tarballs,
    TOOLS.map(([from, name]) => [join(root, from), name]),
  );
  for (const [from, name] of TOOLS) versions.set(name, await version(from, name));

  app = join(dir, 'app');
  await mkdir(join(app, 'src'), { recursive: true });
  const dependencies = Object.fromEntries(NAMES.map((name) => [`@mediabay/${name}`, '^0.1.0']));
  const devDependencies = Object.fromEntries(versions);
  await writeFile(
    join(app, 'package.json'),
    JSON.stringify({ name: 'app', private: true, type: 'module', dependencies, devDependencies }, null, 2),
  );
  // no network: only the loopback registry; a cache of its own; native modules come prebuilt
  await run(
    'npm',
    [
      'install',
      '--registry',
      registry.url,
      '--cache',
      join(dir, 'npm-cache'),
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
    ],
    {
      cwd: app,
      env: { ...process.env, npm_config_userconfig: join(dir, 'npmrc') },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
});

after(async () => {
  await registry?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('npm installed our packages from the packs, each once, with lit as the peer of the elements', async () => {
  const { stdout } = await run('npm', ['ls', '--all', '--json'], { cwd: app, maxBuffer: 64 * 1024 * 1024 });
  const text = stdout;
  for (const name of NAMES) assert.ok(text.includes(`"@mediabay/${name}"`), `@mediabay/${name} installed`);
  const installed = await readdir(join(app, 'node_modules/@mediabay'));
  assert.deepEqual(installed.sort(), NAMES);
  const lit = JSON.parse(await readFile(join(app, 'node_modules/lit/package.json'), 'utf8')) as {
    version: string;
  };
  assert.match(lit.version, /^3\./);
});

test('every entry point of every package imports in Node', async () => {
  const entries: string[] = [];
  for (const name of NAMES) {
    const manifest = JSON.parse(
      await readFile(join(app, 'node_modules/@mediabay', name, 'package.json'), 'utf8'),
    ) as {
      exports: Record<string, string | { default?: string }>;
    };
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      const file = typeof target === 'string' ? target : target.default;
      if (!file?.endsWith('.js') || subpath === './bundle') continue; // the bundle is for browsers
      entries.push(`@mediabay/${name}${subpath.slice(1)}`);
    }
  }
  assert.ok(
    entries.includes('@mediabay/elements/upload-dropzone') && entries.includes('@mediabay/elements/vue'),
  );
  const script = `for (const entry of ${JSON.stringify(entries)}) await import(entry);\nconsole.log('imported');`;
  // lit's Node build brings a DOM shim: the elements' modules load (and register) outside a browser
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: app });
  assert.equal(stdout.trim(), 'imported');
});

test('a React TSX using the tags type-checks with @mediabay/elements/react, and its mistakes do not', async () => {
  await writeFile(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        jsx: 'react-jsx',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        skipLibCheck: true,
        types: [],
      },
      include: ['src/**/*.ts', 'src/**/*.tsx'],
    }),
  );
  await writeFile(join(app, 'src/mediabay.d.ts'), `import type {} from '@mediabay/elements/react';\n`);
  await writeFile(
    join(app, 'src/app.tsx'),
    `import { createMediaClient } from '@mediabay/core';
import type { FilesAddedEvent, SelectionChangeEvent } from '@mediabay/elements';
import '@mediabay/elements/media-library';

const client = createMediaClient({ endpoint: '/api/media' });
export const ok = [
  <media-library client={client} theme="dark" page-size={100} onmb-selection-change={(e: SelectionChangeEvent) => e.detail.ids} />,
  <upload-dropzone endpoint="/api/media" accept="image/*" max-files={3} onmb-files-added={(e) => e.detail.accepted} />,
  <upload-panel client={client} position="inline" minimized />,
  <media-library pageSize={50} upload-endpoint="https://tus.example/files" />,
];
export const wrong = [
  // @ts-expect-error not a theme
  <media-library theme="sepia" />,
  // @ts-expect-error the selection event carries ids, not files
  <media-library onmb-selection-change={(e: FilesAddedEvent) => e.detail.accepted} />,
  // @ts-expect-error client is a MediaClient
  <upload-panel client="/api/media" />,
];
`,
  );
  assert.equal(await typecheck('tsc'), '');
  // the checks can fail: the same mistakes without @ts-expect-error are errors
  const source = await readFile(join(app, 'src/app.tsx'), 'utf8');
  await writeFile(join(app, 'src/app.tsx'), source.replaceAll('// @ts-expect-error', '//'));
  const failed = await typecheck('tsc');
  assert.equal(failed.match(/error TS/g)?.length, 3, failed);
  await rm(join(app, 'src/app.tsx'));
  await rm(join(app, 'src/mediabay.d.ts'));
});

test('a Vue SFC using the tags type-checks with vue-tsc and @mediabay/elements/vue, and its mistakes do not', async () => {
  await writeFile(join(app, 'src/env.d.ts'), `import type {} from '@mediabay/elements/vue';\n`);
  const sfc = `<script setup lang="ts">
import { createMediaClient } from '@mediabay/core';
import type { FilesAddedEvent, SelectionChangeEvent } from '@mediabay/elements';

const client = createMediaClient({ endpoint: '/api/media' });
const onSelection = (event: SelectionChangeEvent) => event.detail.ids;
const onFiles = (event: FilesAddedEvent) => event.detail.accepted;
</script>

<template>
  <media-library :client="client" theme="auto" @mb-selection-change="onSelection" />
  <upload-dropzone endpoint="/api/media" @mb-files-added="onFiles" />
  <!-- @vue-expect-error not a theme -->
  <media-library theme="sepia" />
  <!-- @vue-expect-error the selection event carries ids, not files -->
  <media-library @mb-selection-change="onFiles" />
</template>
`;
  await writeFile(join(app, 'src/App.vue'), sfc);
  const config = JSON.parse(await readFile(join(app, 'tsconfig.json'), 'utf8')) as { include: string[] };
  config.include.push('src/**/*.vue');
  await writeFile(join(app, 'tsconfig.json'), JSON.stringify(config));
  assert.equal(await typecheck('vue-tsc'), '');
  await writeFile(join(app, 'src/App.vue'), sfc.replaceAll('@vue-expect-error', 'a mistake'));
  const failed = await typecheck('vue-tsc');
  assert.equal(failed.match(/error TS/g)?.length, 2, failed);
});

test('`mediabay serve` from the installed package serves the demo page and the elements bundle', async () => {
  const child: ChildProcess = spawn(
    join(app, 'node_modules/.bin/mediabay'),
    ['serve', '--port', '0', '--host', '127.0.0.1', '--data', join(dir, 'data')],
    { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    let output = '';
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /http:\/\/[\d.]+:\d+\//.exec(output);
        if (match) resolve(match[0]);
      });
      child.once('exit', (code) => reject(new Error(`mediabay serve exited (${code}): ${output}`)));
    });
    const page = await fetch(url);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<media-library\b/);
    const script = /<script type="module" src="([^"]+)"/.exec(html)?.[1];
    assert.ok(script, 'the page loads the elements bundle');
    const bundle = await fetch(new URL(script, url));
    assert.equal(bundle.status, 200);
    const code = await bundle.text();
    assert.match(code, /media-library/);
    // and the chunks it imports (tus-js-client on the first upload, ...) are there too
    const chunks = [...code.matchAll(/"\.\/(chunks\/[\w-]+\.js)"/g)].map((m) => m[1]!);
    assert.ok(chunks.length > 0, 'the bundle is split');
    for (const chunk of new Set(chunks))
      assert.equal((await fetch(new URL(chunk, new URL(script, url)))).status, 200, chunk);
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
  }
});
