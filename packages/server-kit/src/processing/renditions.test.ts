import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { MediaFile, ServerEvent } from '@mediabay/core/protocol';
import { newOperationId, openEvents, tusUpload } from '../test-support/clients.test-helper.js';
import { startTestServer, waitFor, type TestServer } from '../test-support/server.test-helper.js';
import { moovPosition } from './mp4-layout.js';

const run = promisify(execFile);

const VIDEO = (size: string): string[] => ['-f', 'lavfi', '-i', `testsrc=duration=1:size=${size}:rate=10`];
const TONE = ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=1'];

/** Tiny media browsers cannot play as uploaded (or can), made by ffmpeg. */
const SOURCES: Record<string, string[]> = {
  'phone.mov': [
    ...VIDEO('320x240'),
    ...TONE,
    '-c:v',
    'libx265',
    '-x265-params',
    'log-level=none',
    '-tag:v',
    'hvc1',
    '-c:a',
    'aac',
  ],
  // a 10-bit 4K phone clip: its transcode must fit the default 512 MiB child budget
  'phone-4k.mov': [
    ...VIDEO('3840x2160'),
    ...TONE,
    ...['-c:a', 'aac', '-pix_fmt', 'yuv420p10le', '-c:v', 'libx265', '-preset', 'ultrafast'],
    ...['-x265-params', 'log-level=none', '-tag:v', 'hvc1'],
  ],
  'old.avi': [...VIDEO('2400x1350'), ...TONE, '-c:v', 'mpeg4', '-c:a', 'libmp3lame'],
  'edit.mov': [...VIDEO('176x144'), '-c:v', 'prores_ks', '-profile:v', '0'],
  'web.webm': [...VIDEO('160x120'), ...TONE, '-c:v', 'libvpx', '-b:v', '200k', '-c:a', 'libvorbis'],
  'late-index.mp4': [...VIDEO('320x240'), ...TONE, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac'],
  'tone.aiff': [...TONE],
};

interface Probed {
  streams: { codec_type: string; codec_name: string; pix_fmt?: string; width?: number; height?: number }[];
}

async function probeBytes(dir: string, bytes: Buffer): Promise<Probed> {
  const file = path.join(dir, `probe-${Math.random().toString(36).slice(2)}`);
  await fs.writeFile(file, bytes);
  const { stdout } = await run('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_streams', file]);
  return JSON.parse(stdout) as Probed;
}

describe('web renditions', () => {
  let server: TestServer;
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-renditions-'));
    await Promise.all(
      Object.entries(SOURCES).map(([name, args]) =>
        run('ffmpeg', ['-v', 'error', ...args, '-y', path.join(dir, name)]),
      ),
    );
    // uploads are polled until processed: not a test of the per-user request limit
    server = await startTestServer({ limits: { rateLimit: { max: 0, windowMs: 60_000 } } });
  });
  after(async () => {
    await server.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  const upload = async (name: string): Promise<MediaFile> => {
    const { fileId } = await tusUpload(
      `${server.url}/api/media/uploads`,
      await fs.readFile(path.join(dir, name)),
      {
        name,
        type: 'application/octet-stream',
        operationId: newOperationId(),
      },
    );
    return waitFor(async () => {
      const file = (await (await fetch(`${server.url}/api/media/${fileId}`)).json()) as MediaFile;
      return file.status === 'processing' ? undefined : file;
    }, 60_000);
  };

  const fetchBytes = async (
    url: string,
    headers: Record<string, string> = {},
  ): Promise<[Response, Buffer]> => {
    const res = await fetch(`${server.url}${url}`, { headers });
    return [res, Buffer.from(await res.arrayBuffer())];
  };

  const cases: [string, number, number][] = [
    ['phone.mov', 320, 240],
    ['old.avi', 1920, 1080],
    ['phone-4k.mov', 1920, 1080],
    ['edit.mov', 176, 144],
  ];
  for (const [name, width, height] of cases) {
    it(`gives ${name} an H.264/AAC faststart MP4 of at most 1080p, keeping the original`, async () => {
      const { ws, events } = await openEvents(server.wsUrl);
      const file = await upload(name);
      ws.close();
      assert.equal(file.status, 'ready', file.error);
      assert.equal(file.renditions?.length, 1);
      const web = file.renditions?.[0];
      assert.ok(web);
      assert.deepEqual([web.kind, web.mimeType, web.width, web.height], ['web', 'video/mp4', width, height]);
      assert.equal(file.playbackUrl, web.url);
      assert.notEqual(file.playbackUrl, file.contentUrl);

      const [res, bytes] = await fetchBytes(web.url);
      assert.equal(res.headers.get('content-type'), 'video/mp4');
      assert.equal(bytes.length, web.size);
      const probed = await probeBytes(dir, bytes);
      const video = probed.streams.find((s) => s.codec_type === 'video');
      assert.deepEqual([video?.codec_name, video?.pix_fmt], ['h264', 'yuv420p']);
      const audio = probed.streams.find((s) => s.codec_type === 'audio');
      assert.equal(audio?.codec_name, name === 'edit.mov' ? undefined : 'aac');
      const saved = path.join(dir, `${name}.web.mp4`);
      await fs.writeFile(saved, bytes);
      assert.equal(await moovPosition(saved), 'start', 'faststart: the index comes first');

      const [range, part] = await fetchBytes(web.url, { Range: 'bytes=100-199' });
      assert.equal(range.status, 206);
      assert.equal(range.headers.get('content-range'), `bytes 100-199/${web.size}`);
      assert.deepEqual(part, bytes.subarray(100, 200));

      const [original, originalBytes] = await fetchBytes(file.contentUrl);
      assert.equal(original.status, 200);
      assert.deepEqual(originalBytes, await fs.readFile(path.join(dir, name)));

      const progress = events.flatMap((e: ServerEvent) =>
        e.type === 'media-processing-progress' && e.fileId === file.id && e.data.stage === 'transcoding'
          ? [e.data]
          : [],
      );
      assert.ok(progress.length >= 1, 'transcoding progress was reported');
      const percents = progress.map((p) => p.progress);
      assert.deepEqual(
        percents,
        [...percents].sort((a, b) => a - b),
        'never goes back',
      );
      assert.ok(percents.every((p) => p >= 0 && p <= 100));
      assert.equal(typeof progress.at(-1)?.timeRemaining, 'number', 'seconds left, once known');
    });
  }

  it('plays WebM as uploaded: no rendition, playbackUrl is the original', async () => {
    const file = await upload('web.webm');
    assert.equal(file.status, 'ready');
    assert.equal(file.renditions, undefined);
    assert.equal(file.playbackUrl, file.contentUrl);
    assert.equal((await fetch(`${server.url}/api/media/${file.id}/renditions/web`)).status, 404);
  });

  it('remuxes an MP4 whose index is at the end, without re-encoding', async () => {
    assert.equal(await moovPosition(path.join(dir, 'late-index.mp4')), 'end');
    const file = await upload('late-index.mp4');
    assert.equal(file.status, 'ready');
    const web = file.renditions?.[0];
    assert.ok(web);
    const [, bytes] = await fetchBytes(web.url);
    const saved = path.join(dir, 'late-index.web.mp4');
    await fs.writeFile(saved, bytes);
    assert.equal(await moovPosition(saved), 'start');
    const original = await probeBytes(dir, await fs.readFile(path.join(dir, 'late-index.mp4')));
    const remuxed = await probeBytes(dir, bytes);
    assert.deepEqual(
      remuxed.streams.map((s) => [s.codec_name, s.width]),
      original.streams.map((s) => [s.codec_name, s.width]),
    );
  });

  it('turns AIFF into AAC in M4A', async () => {
    const file = await upload('tone.aiff');
    assert.equal(file.type, 'audio');
    assert.equal(file.status, 'ready', file.error);
    const web = file.renditions?.[0];
    assert.deepEqual([web?.kind, web?.mimeType], ['web', 'audio/mp4']);
    assert.equal(file.playbackUrl, web?.url);
    const [, bytes] = await fetchBytes(web?.url ?? '');
    const probed = await probeBytes(dir, bytes);
    assert.deepEqual(
      probed.streams.map((s) => s.codec_name),
      ['aac'],
    );
  });

  it('removes the rendition with the file', async () => {
    const file = await upload('phone.mov');
    const url = file.renditions?.[0]?.url ?? '';
    assert.equal((await fetch(`${server.url}${url}`)).status, 200);
    const derivedDir = path.join(server.dataDir, 'files', 'derived');
    assert.ok((await fs.readdir(derivedDir)).includes(`${file.id}-web.mp4`));
    const del = await fetch(`${server.url}/api/media/${file.id}?permanent=true`, { method: 'DELETE' });
    assert.equal(del.status, 204);
    const derived = await fs
      .readdir(path.join(server.dataDir, 'files', 'derived'))
      .catch(() => [] as string[]);
    assert.deepEqual(
      derived.filter((name) => name.startsWith(file.id)),
      [],
    );
  });
});
