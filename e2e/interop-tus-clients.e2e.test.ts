// Stock tus clients against the real `mediabay serve`: tus-js-client in Node (with and without our
// operationId, paused and resumed), Debian's tuspy and curl by hand. Each upload ends `ready` and the
// server serves exactly the bytes that were sent.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Upload, type HttpResponse } from 'tus-js-client';
import { OPERATION_ID_HEADER, readyFile, sha256Of, storedSha256, writeRandom } from './support/interop.js';
import { startServer, type RunningServer } from './support/server.js';

const run = promisify(execFile);

let dir: string;
let server: RunningServer;
let api: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mediabay-interop-'));
  server = await startServer(join(dir, 'data'));
  api = `${server.url}api/media`;
});
after(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface TusRun {
  /** what the server answered in Mediabay-Operation-Id */
  operationId: string | null;
  /** statuses of every answer, in order */
  statuses: number[];
  upload: Upload;
}

/** A tus-js-client upload of `bytes`; `pauseAt` aborts once that many bytes are acknowledged, then resumes. */
function tusJsClient(bytes: Buffer, metadata: Record<string, string>, pauseAt?: number): Promise<TusRun> {
  return new Promise((resolve, reject) => {
    const result: TusRun = { operationId: null, statuses: [], upload: undefined as never };
    let paused = false;
    const upload = new Upload(bytes, {
      endpoint: `${api}/uploads`,
      metadata,
      chunkSize: 64 * 1024,
      retryDelays: null,
      onAfterResponse(_req, res: HttpResponse) {
        result.statuses.push(res.getStatus());
        result.operationId ??= res.getHeader(OPERATION_ID_HEADER) ?? null;
      },
      onProgress(sent) {
        if (pauseAt === undefined || paused || sent < pauseAt) return;
        paused = true;
        // a pause keeps the upload on the server; start() continues from its offset (HEAD first)
        void upload.abort().then(() => setTimeout(() => upload.start(), 50));
      },
      onSuccess: () => resolve(result),
      onError: reject,
    });
    result.upload = upload;
    upload.start();
  });
}

test('tus-js-client without an operationId: the server mints one and the upload ends ready', async () => {
  const { bytes } = await writeRandom(dir, 'stock.bin', 300 * 1024);
  const run = await tusJsClient(bytes, { filename: 'stock.bin', filetype: 'application/octet-stream' });
  assert.ok(run.operationId, `the answers name the operation (${OPERATION_ID_HEADER})`);
  const file = await readyFile(api, run.operationId);
  assert.equal(file.name, 'stock.bin');
  assert.equal(file.operationId, run.operationId);
  assert.equal(await storedSha256(api, file), sha256Of(bytes));
});

test('tus-js-client without any metadata at all: a generated name, ready, same bytes', async () => {
  const { bytes } = await writeRandom(dir, 'anonymous.bin', 10 * 1024);
  const run = await tusJsClient(bytes, {});
  assert.ok(run.operationId);
  const file = await readyFile(api, run.operationId);
  assert.ok(file.name.length > 0, 'a generated name');
  assert.equal(await storedSha256(api, file), sha256Of(bytes));
});

for (const chosen of [true, false]) {
  const label = chosen ? 'with a UUID operationId' : 'without an operationId';
  test(`tus-js-client ${label}, paused and resumed mid-file: one file, same bytes`, async () => {
    const name = `resumed-${chosen ? 'uuid' : 'minted'}.bin`;
    const { bytes } = await writeRandom(dir, name, 640 * 1024);
    const operationId = chosen ? crypto.randomUUID() : undefined;
    const run = await tusJsClient(
      bytes,
      { filename: name, ...(operationId ? { operationId } : {}) },
      256 * 1024,
    );
    if (operationId) assert.equal(run.operationId, operationId, 'the client-chosen id is kept');
    assert.ok(run.operationId);
    // POST, PATCHes, then after the pause a HEAD (200) and the rest of the PATCHes
    assert.ok(
      run.statuses.includes(200),
      `a HEAD found the offset after the pause: ${run.statuses.join(',')}`,
    );
    const file = await readyFile(api, run.operationId);
    assert.equal(await storedSha256(api, file), sha256Of(bytes));
    const list = (await (await fetch(`${api}?q=${name}`)).json()) as { items: unknown[] };
    assert.equal(list.items.length, 1, 'one file for the operation');
  });
}

test('the same operationId for a different file is refused with 409 operation-conflict; no bytes lost', async () => {
  const operationId = `interop-${Date.now()}`;
  const first = await writeRandom(dir, 'first.bin', 20 * 1024);
  await tusJsClient(first.bytes, { filename: 'first.bin', operationId });
  const second = await writeRandom(dir, 'second.bin', 30 * 1024);
  await assert.rejects(
    tusJsClient(second.bytes, { filename: 'second.bin', operationId }),
    (error: { originalResponse?: HttpResponse | null }) =>
      error.originalResponse?.getStatus() === 409 &&
      /operation-conflict/.test(error.originalResponse.getBody() ?? ''),
  );
  const file = await readyFile(api, operationId);
  assert.equal(file.name, 'first.bin');
  assert.equal(await storedSha256(api, file), sha256Of(first.bytes));
});

const TUSPY = `
import sys
from tusclient import client
uploader = client.TusClient(sys.argv[1]).uploader(sys.argv[2], chunk_size=100 * 1024, metadata={'filename': 'tuspy.bin'})
uploader.upload_chunk()
uploader.upload_chunk()
# a new uploader for the same URL continues from the server's offset (HEAD), as after a restart
resumed = client.TusClient(sys.argv[1]).uploader(sys.argv[2], chunk_size=100 * 1024, url=uploader.url)
print(resumed.offset)
resumed.upload()
print(resumed.url)
`;

/** Debian's python3 (where apt puts tuspy) first: a python3 earlier on PATH may not see it */
async function pythonWithTuspy(): Promise<string | null> {
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      await run(python, ['-c', 'import tusclient']);
      return python;
    } catch {
      // not this one
    }
  }
  return null;
}

test('tuspy (python3-tuspy) uploads in chunks, resumes from the offset and ends ready', async (t) => {
  const python = await pythonWithTuspy();
  if (!python) {
    t.skip('python3-tuspy is not installed here (apt-get install -y python3-tuspy)');
    return;
  }
  const { path, bytes } = await writeRandom(dir, 'tuspy.bin', 450 * 1024);
  const { stdout } = await run(python, ['-c', TUSPY, `${api}/uploads`, path]);
  const [offset, url] = stdout.trim().split('\n');
  assert.equal(Number(offset), 200 * 1024, 'the second uploader started at the server offset');
  const head = await fetch(url!, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
  const operationId = head.headers.get(OPERATION_ID_HEADER);
  assert.ok(operationId, `HEAD names the operation (${head.status})`);
  const file = await readyFile(api, operationId);
  assert.equal(file.name, 'tuspy.bin');
  assert.equal(await storedSha256(api, file), sha256Of(bytes));
});

/** one curl request; returns the status and the response headers, lower-cased */
async function curl(args: string[]): Promise<{ status: number; headers: Record<string, string> }> {
  const { stdout } = await run('curl', ['-s', '-S', '-o', '/dev/null', '-D', '-', ...args]);
  const lines = stdout.split(/\r?\n/);
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const at = line.indexOf(':');
    if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return { status: Number(lines[0]!.split(' ')[1]), headers };
}

test('curl by hand: POST, PATCH half, HEAD, PATCH the rest; the file is ready with the same bytes', async () => {
  const { bytes } = await writeRandom(dir, 'curl.bin', 96 * 1024);
  const half = 48 * 1024;
  const [firstHalf, secondHalf] = [join(dir, 'curl-1'), join(dir, 'curl-2')];
  await writeFile(firstHalf, bytes.subarray(0, half));
  await writeFile(secondHalf, bytes.subarray(half));
  const tus = ['-H', 'Tus-Resumable: 1.0.0'];
  const created = await curl([
    ...tus,
    '-X',
    'POST',
    '-H',
    `Upload-Length: ${bytes.length}`,
    '-H',
    `Upload-Metadata: filename ${Buffer.from('curl.bin').toString('base64')}`,
    `${api}/uploads`,
  ]);
  assert.equal(created.status, 201);
  assert.equal(created.headers['tus-resumable'], '1.0.0');
  const operationId = created.headers[OPERATION_ID_HEADER.toLowerCase()];
  assert.ok(operationId, 'the creating answer names the minted operation');
  const url = new URL(created.headers.location!, api).href;
  const patch = (offset: number, file: string) =>
    curl([
      ...tus,
      '-X',
      'PATCH',
      '-H',
      'Content-Type: application/offset+octet-stream',
      '-H',
      `Upload-Offset: ${offset}`,
      '--data-binary',
      `@${file}`,
      url,
    ]);
  const first = await patch(0, firstHalf);
  assert.equal(first.status, 204);
  assert.equal(first.headers['upload-offset'], String(half));
  const head = await curl([...tus, '-I', url]);
  assert.equal(head.status, 200);
  assert.equal(head.headers['upload-offset'], String(half));
  assert.equal(head.headers['upload-length'], String(bytes.length));
  const last = await patch(half, secondHalf);
  assert.equal(last.status, 204);
  const file = await readyFile(api, operationId);
  assert.equal(file.name, 'curl.bin');
  assert.equal(await storedSha256(api, file), sha256Of(bytes));
});

test('curl: OPTIONS discovery, a PATCH sent as POST with X-HTTP-Method-Override, a wrong sha1 refused 460', async () => {
  const options = await curl(['-X', 'OPTIONS', `${api}/uploads`]);
  assert.ok(options.status === 200 || options.status === 204, `OPTIONS answered ${options.status}`);
  assert.equal(options.headers['tus-version']?.split(',')[0], '1.0.0');
  assert.match(options.headers['tus-extension'] ?? '', /\bchecksum\b/);
  assert.match(options.headers['tus-checksum-algorithm'] ?? '', /\bsha1\b/);

  const { bytes } = await writeRandom(dir, 'override.bin', 8 * 1024);
  const body = join(dir, 'override.bin');
  const created = await curl([
    '-H',
    'Tus-Resumable: 1.0.0',
    '-X',
    'POST',
    '-H',
    `Upload-Length: ${bytes.length}`,
    `${api}/uploads`,
  ]);
  assert.equal(created.status, 201);
  const url = new URL(created.headers.location!, api).href;
  const patch = (sha1: Buffer) =>
    curl([
      '-H',
      'Tus-Resumable: 1.0.0',
      '-X',
      'POST',
      '-H',
      'X-HTTP-Method-Override: PATCH',
      '-H',
      'Content-Type: application/offset+octet-stream',
      '-H',
      'Upload-Offset: 0',
      '-H',
      `Upload-Checksum: sha1 ${sha1.toString('base64')}`,
      '--data-binary',
      `@${body}`,
      url,
    ]);
  const wrong = await patch(createHash('sha1').update('something else').digest());
  assert.equal(wrong.status, 460);
  assert.equal(wrong.headers['tus-resumable'], '1.0.0', 'an error answer is a tus answer too');
  assert.match(wrong.headers['content-type'] ?? '', /^application\/json/);
  const head = await curl(['-H', 'Tus-Resumable: 1.0.0', '-I', url]);
  assert.equal(head.headers['upload-offset'], '0', 'nothing of the refused PATCH was stored');
  const right = await patch(createHash('sha1').update(bytes).digest());
  assert.equal(right.status, 204);
  assert.equal(right.headers['upload-offset'], String(bytes.length));
  const file = await readyFile(api, created.headers[OPERATION_ID_HEADER.toLowerCase()]!);
  assert.equal(await storedSha256(api, file), sha256Of(bytes));
});
