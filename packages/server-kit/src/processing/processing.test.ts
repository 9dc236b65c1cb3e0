import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { MediaFile, ServerEvent } from '@mediabay/core/protocol';
import {
  makeMedia,
  newOperationId,
  openEvents,
  tusUpload,
  type Fixture,
} from '../test-support/clients.test-helper.js';
import {
  openTestDatabase,
  startTestServer,
  waitFor,
  type TestServer,
} from '../test-support/server.test-helper.js';

const run = promisify(execFile);

async function jpegSize(bytes: Buffer): Promise<{ width: number; height: number }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-jpeg-'));
  const file = path.join(dir, 't.jpg');
  await fs.writeFile(file, bytes);
  const { stdout } = await run('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_streams', file]);
  await fs.rm(dir, { recursive: true });
  const stream = (JSON.parse(stdout) as { streams: { width: number; height: number }[] }).streams[0];
  return { width: stream?.width ?? 0, height: stream?.height ?? 0 };
}

describe('processing', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const uploadBytes = async (bytes: Buffer, name: string, type: string): Promise<MediaFile> => {
    const { fileId } = await tusUpload(`${server.url}/api/media/uploads`, bytes, {
      name,
      type,
      operationId: newOperationId(),
    });
    return waitFor(async () => {
      const file = (await (await fetch(`${server.url}/api/media/${fileId}`)).json()) as MediaFile;
      return file.status === 'processing' ? undefined : file;
    }, 20_000);
  };
  const uploadFixture = async (fixture: Fixture, claimed = 'application/octet-stream'): Promise<MediaFile> =>
    uploadBytes(await fs.readFile(await makeMedia(fixture)), fixture, claimed);

  it('gives a video its duration, size and a JPEG poster that fits 480x480', async () => {
    const { ws, events } = await openEvents(server.wsUrl);
    const file = await uploadFixture('clip.mp4');
    ws.close();
    assert.equal(file.status, 'ready');
    assert.equal(file.mimeType, 'video/mp4', 'type from the bytes, not the claim');
    assert.deepEqual([file.width, file.height], [320, 240]);
    assert.ok(file.thumbnailUrl);
    const poster = await fetch(`${server.url}${file.thumbnailUrl}`);
    assert.equal(poster.headers.get('content-type'), 'image/jpeg');
    const bytes = Buffer.from(await poster.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xff, 0xd8, 0xff]);
    assert.deepEqual(await jpegSize(bytes), { width: 320, height: 240 });
    const stages = events
      .filter(
        (e): e is Extract<ServerEvent, { type: 'media-processing-progress' }> =>
          e.type === 'media-processing-progress',
      )
      .filter((e) => e.fileId === file.id)
      .map((e) => e.data.stage)
      .filter((stage, i, all) => stage !== all[i - 1]);
    // the fixture's index is at the end of the file: its web rendition is a remux with faststart
    assert.deepEqual(stages, ['queued', 'probing', 'thumbnail', 'transcoding', 'done']);
  });

  it('resizes an image into a thumbnail keeping its aspect ratio', async () => {
    const file = await uploadFixture('still.png', 'image/png');
    assert.equal(file.status, 'ready');
    assert.deepEqual([file.width, file.height], [640, 360]);
    const thumb = Buffer.from(await (await fetch(`${server.url}${file.thumbnailUrl}`)).arrayBuffer());
    assert.deepEqual(await jpegSize(thumb), { width: 480, height: 270 });
  });

  it('reads WebM video and audio durations', async () => {
    const webm = await uploadFixture('clip.webm');
    assert.deepEqual([webm.type, webm.status, webm.width, webm.height], ['video', 'ready', 160, 120]);
    const wav = await uploadFixture('tone.wav');
    assert.equal(wav.type, 'audio');
    assert.ok(wav.durationMs && Math.abs(wav.durationMs - 1000) < 50, `duration ${wav.durationMs}`);
    assert.equal(wav.thumbnailUrl, undefined);
    assert.equal((await fetch(`${server.url}/api/media/${wav.id}/thumbnail`)).status, 404);
  });

  it('marks a broken video as error with a reason, never leaving it processing', async () => {
    const real = await fs.readFile(await makeMedia('clip.mp4'));
    const broken = Buffer.concat([real.subarray(0, 64), randomBytes(4096)]);
    const file = await uploadBytes(broken, 'broken.mp4', 'video/mp4');
    assert.equal(file.status, 'error');
    assert.match(file.error ?? '', /could not be read/);
  });

  const markup: [string, string, string][] = [
    ['HTML', '<!doctype html><script>alert(document.cookie)</script>', 'text/html'],
    ['SVG', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'image/svg+xml'],
  ];
  for (const [label, source, sniffed] of markup) {
    it(`treats ${label} that claims to be an image as an opaque download`, async () => {
      const file = await uploadBytes(Buffer.from(source), 'cat.png', 'image/png');
      assert.equal(file.type, 'other');
      assert.equal(file.mimeType, sniffed);
      const res = await fetch(`${server.url}${file.contentUrl}`);
      assert.equal(res.headers.get('content-type'), 'application/octet-stream');
      assert.match(res.headers.get('content-disposition') ?? '', /^attachment/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.match(res.headers.get('content-security-policy') ?? '', /sandbox/);
    });
  }
});

describe('processing recovery', () => {
  it('re-queues files left in processing by a restart', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-restart-'));
    try {
      let server = await startTestServer({ dataDir });
      const { fileId } = await tusUpload(
        `${server.url}/api/media/uploads`,
        await fs.readFile(await makeMedia('clip.mp4')),
        {
          name: 'clip.mp4',
          type: 'video/mp4',
          operationId: newOperationId(),
        },
      );
      await server.media.ready();
      await waitFor(async () => {
        const file = (await (await fetch(`${server.url}/api/media/${fileId}`)).json()) as MediaFile;
        return file.status === 'ready' ? file : undefined;
      });
      await server.close();

      // As if the process died mid-job: the row says processing, nothing is queued.
      const db = await openTestDatabase(dataDir);
      await db
        .updateTable('media')
        .set({ status: 'processing', duration_ms: null, width: null, height: null })
        .where('id', '=', fileId as string)
        .execute();
      await db.destroy();

      server = await startTestServer({ dataDir });
      const file = await waitFor(async () => {
        const f = (await (await fetch(`${server.url}/api/media/${fileId}`)).json()) as MediaFile;
        return f.status === 'processing' ? undefined : f;
      });
      await server.close();
      assert.equal(file.status, 'ready');
      assert.deepEqual([file.width, file.height], [320, 240]);
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('allowed types', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ limits: { allowedTypes: ['video/*'] } });
  });
  after(() => server.close());

  it('refuses a sniffed type outside the list with 415 and removes the bytes, whatever the claim', async () => {
    const { ws, events } = await openEvents(server.wsUrl);
    const operationId = newOperationId();
    await assert.rejects(
      tusUpload(`${server.url}/api/media/uploads`, Buffer.from('just text'), {
        name: 'x.mp4',
        type: 'video/mp4',
        operationId,
      }),
      /415/,
    );
    const failed = await waitFor(() => events.find((e) => e.type === 'media-upload-error'));
    ws.close();
    assert.ok(
      failed.type === 'media-upload-error' &&
        failed.operationId === operationId &&
        failed.error.code === 'unsupported-type',
    );
    assert.deepEqual(await fs.readdir(path.join(server.dataDir, 'files', 'uploads')), []);
    const list = (await (await fetch(`${server.url}/api/media`)).json()) as { total: number };
    assert.equal(list.total, 0);
    const video = await fs.readFile(await makeMedia('clip.mp4'));
    const { fileId } = await tusUpload(`${server.url}/api/media/uploads`, video, {
      name: 'ok.mp4',
      type: 'video/mp4',
      operationId: newOperationId(),
    });
    assert.ok(fileId);
  });
});
