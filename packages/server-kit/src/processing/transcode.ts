// Makes a file's web rendition with ffmpeg: H.264 (yuv420p, at most 1080p, aspect kept, even sides)
// and AAC in an MP4 with faststart; AAC in M4A for audio; or the same streams remuxed with faststart
// when only the container stood in the way. Reports the percentage from `-progress` (time done out of
// the duration), at most a few times a second, with the time left.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ffprobe, threadsOf, type ProbeResult, type RunTool } from './ffprobe.js';
import type { WebPlan } from './web-plan.js';

export interface TranscodeInput {
  file: string;
  demuxer: string;
  kind: 'video' | 'audio';
  plan: Exclude<WebPlan, 'none'>;
  probe: ProbeResult;
  maxPixels: number;
  timeoutMs: number;
}

export interface MadeRendition {
  /** a temporary file, removed by `release()` */
  path: string;
  mimeType: string;
  width: number | null;
  height: number | null;
  size: number;
  release(): Promise<void>;
}

/** percent 0-100 of the transcode, and the estimated seconds left (null until known) */
export type TranscodeProgress = (percent: number, timeLeft: number | null) => void;

const REPORT_EVERY_MS = 250;

// Landscape fits 1920x1080, portrait 1080x1920 (after the rotation ffmpeg applies), square pixels.
const FIT_1080 =
  "scale='trunc(iw*sar/2)*2':'trunc(ih/2)*2',setsar=1," +
  "scale=w='if(gte(iw,ih),min(1920,iw),min(1080,iw))':h='if(gte(iw,ih),min(1080,ih),min(1920,ih))'" +
  ':force_original_aspect_ratio=decrease:force_divisible_by=2';

/** Sources bigger than 1080p (4K phone video) are decoded on one thread and encoded with a short
 * lookahead and few reference frames, so a 4K HEVC transcode fits the 512 MiB child budget. */
const isLarge = (probe: ProbeResult): boolean => (probe.width ?? 0) * (probe.height ?? 0) > 1920 * 1080;
const LEAN_X264 = ['-x264-params', 'rc-lookahead=5:sync-lookahead=0:bframes=1:ref=1'];

function codecArgs(input: TranscodeInput, threads: number): string[] {
  if (input.plan === 'remux') return ['-map', '0:v:0?', '-map', '0:a:0?', '-c', 'copy'];
  const audio = input.probe.hasAudio ? ['-c:a', 'aac', '-b:a', '128k', '-ac', '2'] : ['-an'];
  if (input.kind === 'audio') return ['-map', '0:a:0', '-vn', '-c:a', 'aac', '-b:a', '160k'];
  return [
    ...['-map', '0:v:0', '-map', '0:a:0?', '-sn', '-dn'],
    ...['-vf', FIT_1080, '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23'],
    ...['-profile:v', 'high', '-pix_fmt', 'yuv420p'],
    ...['-threads', String(isLarge(input.probe) ? Math.min(2, threads) : threads)],
    ...(isLarge(input.probe) ? LEAN_X264 : []),
    ...audio,
  ];
}

/** Reads ffmpeg's `-progress` lines (`key=value`, a block per update ending in `progress=`). */
export function progressReader(
  durationMs: number | null,
  report: TranscodeProgress,
  clock: () => number = Date.now,
): (line: string) => void {
  const started = clock();
  let lastAt = started;
  let lastPercent = 0; // 0 is reported when the step starts
  let doneUs = 0;
  return (line) => {
    const [key, value] = line.trim().split('=', 2);
    if (key === 'out_time_us' || key === 'out_time_ms') {
      const us = Number(value); // both are microseconds
      if (Number.isFinite(us) && us > 0) doneUs = us;
      return;
    }
    if (key !== 'progress' || !durationMs) return;
    const fraction = Math.min(1, doneUs / (durationMs * 1000));
    const percent = Math.floor(fraction * 100);
    const now = clock();
    if (value !== 'end' && (percent === lastPercent || now - lastAt < REPORT_EVERY_MS)) return;
    lastAt = now;
    lastPercent = percent;
    const elapsed = (now - started) / 1000;
    const timeLeft = fraction > 0 ? Math.max(0, Math.round((elapsed * (1 - fraction)) / fraction)) : null;
    report(percent, timeLeft);
  };
}

export async function makeWebRendition(
  run: RunTool,
  input: TranscodeInput,
  report: TranscodeProgress,
): Promise<MadeRendition> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-web-'));
  const out = path.join(dir, input.kind === 'audio' ? 'web.m4a' : 'web.mp4');
  const release = (): Promise<void> => fs.rm(dir, { recursive: true, force: true });
  // the job's share of the cores, for the decoder and the encoder alike
  const threads = threadsOf(run);
  try {
    await run(
      'ffmpeg',
      [
        ...['-v', 'error', '-nostdin', '-protocol_whitelist', 'file'],
        ...['-threads', isLarge(input.probe) ? '1' : String(threads), '-filter_threads', '1'],
        ...['-max_pixels', String(input.maxPixels), '-f', input.demuxer, '-i', `file:${input.file}`],
        ...codecArgs(input, threads),
        ...['-map_metadata', '-1', '-movflags', '+faststart', '-f', input.kind === 'audio' ? 'ipod' : 'mp4'],
        ...['-progress', 'pipe:1', '-nostats', '-y', `file:${out}`],
      ],
      { onLine: progressReader(input.probe.durationMs, report), timeoutMs: input.timeoutMs },
    );
    const made = await ffprobe(run, out, 'mov', input.maxPixels);
    if (input.kind === 'video' && !made.hasVideo) throw new Error('the web version has no picture');
    const { size } = await fs.stat(out);
    return {
      path: out,
      mimeType: input.kind === 'audio' ? 'audio/mp4' : 'video/mp4',
      width: made.width,
      height: made.height,
      size,
      release,
    };
  } catch (error) {
    await release();
    throw error;
  }
}
