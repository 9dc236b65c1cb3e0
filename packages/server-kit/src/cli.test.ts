import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openEvents } from './test-support/clients.test-helper.js';
import { rawRequest } from './test-support/server.test-helper.js';

// Runs the shipped command (bin -> dist), so `tsc -b` must have built the package first.
const bin = fileURLToPath(new URL('../bin/mediabay.js', import.meta.url));

describe('mediabay serve', () => {
  let dir: string;
  let child: ReturnType<typeof spawn>;
  let output = '';
  let base: string;

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-cli-'));
    await fs.mkdir(path.join(dir, 'demo'));
    await fs.writeFile(path.join(dir, 'demo', 'index.html'), '<!doctype html><title>demo</title>');
    await fs.writeFile(path.join(dir, 'secret.txt'), 'secret');
    child = spawn(
      process.execPath,
      [bin, 'serve', '--port', '0', '--data', path.join(dir, 'data'), '--demo', path.join(dir, 'demo')],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.on('data', (chunk) => (output += String(chunk)));
    child.stderr?.on('data', (chunk) => (output += String(chunk)));
    base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 15_000);
      child.stdout?.on('data', () => {
        const match = /Mediabay demo: (http:\/\/127\.0\.0\.1:(\d+))\//.exec(output);
        if (match && match[2] !== '0') {
          clearTimeout(timer);
          resolve(match[1] as string);
        }
      });
    });
  });
  after(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('prints its real URL and that it runs one open tenant', () => {
    assert.match(output, /Single open tenant/);
  });

  it('serves the demo page, the API and the socket', async () => {
    const page = await fetch(`${base}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await page.text(), /<title>demo<\/title>/);
    const list = await fetch(`${base}/api/media`);
    assert.deepEqual(await list.json(), { items: [], nextCursor: null, total: 0 });
    const { ws } = await openEvents(`${base.replace('http', 'ws')}/api/media/events`);
    ws.close();
  });

  it('refuses to leave the served directories', async () => {
    for (const p of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/mediabay/..%2f..%2fpackage.json',
      '/.hidden',
    ]) {
      const res = await rawRequest(base, 'GET', p);
      assert.equal(res.status, 404, p);
      assert.doesNotMatch(res.body, /secret/);
    }
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  });
});

describe('mediabay serve with a service it cannot reach', () => {
  it('exits with status 1 and a message naming the service', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-cli-'));
    const child = spawn(
      process.execPath,
      [bin, 'serve', '--port', '0', '--data', dir, '--database', 'postgres://u:pw@127.0.0.1:9/none'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    await fs.rm(dir, { recursive: true, force: true });
    assert.equal(code, 1);
    assert.match(output, /Cannot reach PostgreSQL at postgres:\/\/u:\*\*\*@127\.0\.0\.1:9\/none/);
  });
});
