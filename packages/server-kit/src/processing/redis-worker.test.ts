// Processing apart from uploads: a server with `processing: 'workers'` runs no job itself; worker
// processes (createMediaWorker, as `mediabay worker` runs it) sharing its PostgreSQL, Redis and
// storage do. A worker SIGKILLed mid-transcode leaves the job to another, which finishes it once.
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { MediaFile, ServerEvent } from '@mediabay/core/protocol';
import { newOperationId, openEvents, tusUpload } from '../test-support/clients.test-helper.js';
import { startTestServer, waitFor, type TestServer } from '../test-support/server.test-helper.js';
import { freshPostgres, missingServices, testServices } from '../test-support/services.test-helper.js';

const run = promisify(execFile);
const workerModule = fileURLToPath(new URL('../worker.ts', import.meta.url));

describe('mediabay workers', { skip: missingServices('postgres', 'redis') }, () => {
  let database: { url: string; drop(): Promise<void> };
  let dataDir: string;
  let server: TestServer;
  let clip: Buffer;
  const workers = new Set<ChildProcess>();

  /** A worker process; resolves once it has opened the services. */
  async function startWorker(name: string): Promise<ChildProcess> {
    const options = {
      dataDir,
      database: database.url,
      redis: testServices.redis,
      instanceId: name,
      leases: { processingMs: 1500 },
      concurrency: 1,
    };
    const script = [
      `import { createMediaWorker } from ${JSON.stringify(workerModule)};`,
      `const worker = createMediaWorker(${JSON.stringify(options)});`,
      "await worker.ready(); console.log('ready');",
    ].join('\n');
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    workers.add(child);
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += String(chunk)));
    await waitFor(() => (out.includes('ready') ? true : undefined), 30_000);
    return child;
  }

  before(async () => {
    database = await freshPostgres();
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-workers-'));
    // MPEG-4 part 2 in AVI: browsers cannot play it, so it gets a transcode of a few seconds
    const file = path.join(dataDir, 'lecture.avi');
    const source = ['-f', 'lavfi', '-i', 'testsrc=duration=20:size=640x360:rate=30', '-c:v', 'mpeg4'];
    await run('ffmpeg', ['-v', 'error', ...source, '-q:v', '5', '-y', file]);
    clip = await fs.readFile(file);
    server = await startTestServer({
      dataDir,
      database: database.url,
      redis: testServices.redis as string,
      processing: 'workers',
      // the test polls the file's status; the per-user request limit is shared through Redis
      limits: { rateLimit: { max: 0, windowMs: 60_000 } },
    });
  });
  after(async () => {
    for (const child of workers) child.kill('SIGKILL');
    await server?.close();
    await database?.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('runs no job in the server; a worker killed mid-transcode leaves it to another, done once', async () => {
    const { ws, events } = await openEvents(server.wsUrl);
    const { fileId } = await tusUpload(`${server.url}/api/media/uploads`, clip, {
      name: 'lecture.avi',
      type: 'video/x-msvideo',
      operationId: newOperationId(),
    });
    const ofFile = (e: ServerEvent): e is Extract<ServerEvent, { type: 'media-processing-progress' }> =>
      e.type === 'media-processing-progress' && e.fileId === fileId;
    // the server processes nothing by itself
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(events.filter(ofFile).length, 0);

    const first = await startWorker('worker-a');
    await waitFor(() => events.find((e) => ofFile(e) && e.data.stage === 'transcoding'), 60_000);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const doneBefore = events.filter((e) => ofFile(e) && e.data.stage === 'done').length;
    assert.equal(doneBefore, 0, 'killed before it finished');

    await startWorker('worker-b');
    const file = await waitFor(async () => {
      const f = (await (await fetch(`${server.url}/api/media/${fileId}`)).json()) as MediaFile;
      return f.status === 'processing' ? undefined : f;
    }, 120_000);
    ws.close();
    assert.equal(file.status, 'ready', file.error);
    assert.equal(file.renditions?.[0]?.mimeType, 'video/mp4');
    assert.equal(file.playbackUrl, file.renditions?.[0]?.url);
    const rendition = await fetch(`${server.url}${file.playbackUrl}`);
    assert.equal(rendition.status, 200);
    assert.equal((await rendition.arrayBuffer()).byteLength, file.renditions?.[0]?.size);
    assert.equal(events.filter((e) => ofFile(e) && e.data.stage === 'done').length, 1, 'finished once');
  });
});
