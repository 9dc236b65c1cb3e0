import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { createChildGroup, DEFAULT_MEMORY_BYTES, type ChildGroup } from './child.js';
import { ffprobe, type RunTool } from './ffprobe.js';
import { DEFAULT_MAX_PIXELS } from './header-size.js';
import { sharedThreads } from './processor.js';
import { makeThumbnail } from './thumbnail.js';
import { makeWebRendition } from './transcode.js';

const BUDGET = { memoryBytes: DEFAULT_MEMORY_BYTES, cpuSeconds: 60, timeoutMs: 60_000 };

/** The `-threads` values of one ffmpeg command line. */
const threadValues = (args: string[]): number[] =>
  args.flatMap((arg, i) => (arg === '-threads' ? [Number(args[i + 1])] : []));

describe('processing: a bounded share of the cores', () => {
  let dir: string;
  let clip: string;
  let group: ChildGroup;
  const commands: { command: string; args: string[] }[] = [];

  /** A real runner with a share of one thread, keeping each command line it ran. */
  const run: RunTool = Object.assign(
    (command: 'ffprobe' | 'ffmpeg', args: string[], options?: { onLine?: (line: string) => void }) => {
      commands.push({ command, args });
      return group.run(command, args, BUDGET, options);
    },
    { threads: 1 },
  );

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-threads-'));
    clip = path.join(dir, 'phone.mov');
    await promisify(execFile)('ffmpeg', [
      ...['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=1:size=320x240:rate=10'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', '-c:v', 'libx265'],
      ...['-x265-params', 'log-level=none', '-tag:v', 'hvc1', '-c:a', 'aac', '-y', clip],
    ]);
    group = createChildGroup();
  });
  after(async () => {
    group.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('shares the cores between the jobs: one thread each when there are as many jobs as cores', () => {
    assert.equal(sharedThreads(2, 2), 1);
    assert.equal(sharedThreads(1, 2), 2);
    assert.equal(sharedThreads(3, 8), 2);
    assert.equal(sharedThreads(16, 4), 1, 'never below one');
    assert.equal(sharedThreads(0, 4), 4, 'a concurrency below one counts as one');
  });

  it('decodes, filters and encodes within the share, and still makes the poster and the web rendition', async () => {
    const probe = await ffprobe(run, clip, 'mov', DEFAULT_MAX_PIXELS);
    assert.equal(probe.videoCodec, 'hevc');
    const poster = await makeThumbnail(run, {
      file: clip,
      demuxer: 'mov',
      at: 0.5,
      maxPixels: DEFAULT_MAX_PIXELS,
    });
    assert.deepEqual([...poster.subarray(0, 3)], [0xff, 0xd8, 0xff], 'a JPEG');
    const input = { file: clip, demuxer: 'mov', kind: 'video' as const, plan: 'transcode' as const, probe };
    const made = await makeWebRendition(
      run,
      { ...input, maxPixels: DEFAULT_MAX_PIXELS, timeoutMs: 60_000 },
      () => undefined,
    );
    try {
      assert.equal(made.width, 320);
      assert.equal(made.mimeType, 'video/mp4');
    } finally {
      await made.release();
    }
    const ffmpegRuns = commands.filter((c) => c.command === 'ffmpeg');
    assert.equal(ffmpegRuns.length, 2, 'the poster and the transcode');
    for (const { args } of ffmpegRuns) {
      const threads = threadValues(args);
      assert.ok(threads.length > 0, `no -threads in ${args.join(' ')}`);
      assert.deepEqual([...new Set(threads)], [1], args.join(' '));
      assert.ok(args.includes('-filter_threads'), 'filters on one thread');
    }
  });
});
