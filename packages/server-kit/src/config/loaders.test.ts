// What a server loads is what it was configured with: the test runs the kit in a child process whose
// module hooks record every package resolved, and checks the optional clients stay out.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
const src = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const OPTIONAL = ['@aws-sdk/client-s3', '@tus/s3-store', 'pg', '@redis/client', 'better-sqlite3'];

const HOOKS = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  const match = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(result.url.replace(/.*\\/node_modules\\/\\.pnpm\\/[^/]+\\//, '/'));
  if (match) appendFileSync(process.env.LOADS_LOG, match[1] + '\\n');
  return result;
}`;

/** The packages (of OPTIONAL) that running `script` in a child process loaded. */
async function packagesLoadedBy(script: string): Promise<Set<string>> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mb-loads-'));
  try {
    const hooks = path.join(dir, 'hooks.mjs');
    const register = path.join(dir, 'register.mjs');
    const log = path.join(dir, 'loads.log');
    await fs.writeFile(hooks, HOOKS);
    await fs.writeFile(
      register,
      `import { register } from 'node:module';\nregister(${JSON.stringify('file://' + hooks)});\n`,
    );
    await fs.writeFile(log, '');
    await run(
      process.execPath,
      ['--import', register, '--import', 'tsx', '--input-type=module', '-e', script],
      {
        cwd: src,
        env: { ...process.env, LOADS_LOG: log, MEDIABAY_TEST_DIR: dir },
      },
    );
    const loaded = new Set((await fs.readFile(log, 'utf8')).split('\n'));
    return new Set(OPTIONAL.filter((name) => loaded.has(name)));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

describe('optional service clients load only when configured', () => {
  it('importing the kit loads none of them', async () => {
    const loaded = await packagesLoadedBy(`await import(${JSON.stringify(path.join(src, 'index.ts'))});`);
    assert.deepEqual([...loaded], []);
  });

  it('a server with the defaults (disk + SQLite) loads better-sqlite3 and nothing else optional', async () => {
    const loaded = await packagesLoadedBy(`
      const { createMediaServer } = await import(${JSON.stringify(path.join(src, 'index.ts'))});
      const media = createMediaServer({ dataDir: process.env.MEDIABAY_TEST_DIR + '/data' });
      await media.ready?.();
      const res = await new Promise((resolve) => {
        const req = { method: 'GET', url: '/api/media', headers: { host: '127.0.0.1' } };
        import('node:http').then(({ createServer }) => {
          const server = createServer(media.handler).listen(0, '127.0.0.1', async () => {
            const r = await fetch('http://127.0.0.1:' + server.address().port + '/api/media');
            server.close();
            resolve(r.status);
          });
        });
      });
      if (res !== 200) throw new Error('list answered ' + res);
      await media.close();
    `);
    assert.deepEqual([...loaded], ['better-sqlite3']);
  });
});
