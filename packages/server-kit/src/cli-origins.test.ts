// `mediabay serve --allowed-origins` (repeatable, comma lists; MEDIABAY_ALLOWED_ORIGINS when no flag
// is given) reaches the server: CORS for those pages, and the socket's Origin check uses the list.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openEvents } from './test-support/clients.test-helper.js';

// the shipped command (bin -> dist): `tsc -b` builds it first
const bin = fileURLToPath(new URL('../bin/mediabay.js', import.meta.url));

async function serve(args: string[], env: Record<string, string>) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-cli-origins-'));
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data', dir, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 15_000);
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
      const match = /Mediabay demo: (http:\/\/127\.0\.0\.1:(\d+))\//.exec(output);
      if (match && match[2] !== '0') {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
  });
  return {
    base,
    output: () => output,
    async stop() {
      child.kill('SIGKILL');
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

const corsFor = async (base: string, origin: string) =>
  (await fetch(`${base}/api/media`, { headers: { Origin: origin } })).headers.get(
    'access-control-allow-origin',
  );

const socketStatus = async (base: string, origin: string): Promise<number> => {
  try {
    const { ws } = await openEvents(`${base.replace('http', 'ws')}/api/media/events`, { Origin: origin });
    ws.close();
    return 101;
  } catch (error) {
    return Number(/upgrade refused: (\d+)/.exec((error as Error).message)?.[1] ?? 0);
  }
};

describe('mediabay serve --allowed-origins', () => {
  let flags: Awaited<ReturnType<typeof serve>>;
  let fromEnv: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    [flags, fromEnv] = await Promise.all([
      serve(
        [
          '--allowed-origins',
          'https://lms.example,https://b.example',
          '--allowed-origins',
          'https://c.example',
        ],
        {
          MEDIABAY_ALLOWED_ORIGINS: 'https://ignored.example',
        },
      ),
      serve([], { MEDIABAY_ALLOWED_ORIGINS: 'https://env.example' }),
    ]);
  });
  after(async () => {
    await flags.stop();
    await fromEnv.stop();
  });

  it('answers CORS for every origin of the flags (repeated, comma lists), none other', async () => {
    for (const origin of ['https://lms.example', 'https://b.example', 'https://c.example'])
      assert.equal(await corsFor(flags.base, origin), origin);
    assert.equal(await corsFor(flags.base, 'https://ignored.example'), null, 'flags replace the variable');
    assert.equal(await corsFor(flags.base, 'https://evil.example'), null);
    assert.match(
      flags.output(),
      /embeddable from https:\/\/lms\.example, https:\/\/b\.example, https:\/\/c\.example/,
    );
  });

  it("serves the demo's files (the elements bundle) with CORS to allowed pages", async () => {
    const allowed = await fetch(`${flags.base}/`, { headers: { Origin: 'https://lms.example' } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://lms.example');
    const other = await fetch(`${flags.base}/`, { headers: { Origin: 'https://evil.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });

  it('reads MEDIABAY_ALLOWED_ORIGINS without flags', async () => {
    assert.equal(await corsFor(fromEnv.base, 'https://env.example'), 'https://env.example');
  });

  it('opens the socket for allowed origins only', async () => {
    assert.equal(await socketStatus(flags.base, 'https://c.example'), 101);
    assert.equal(await socketStatus(flags.base, 'https://evil.example'), 403);
  });
});
