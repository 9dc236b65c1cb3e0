// Makes a JPEG poster (video) or a resized thumbnail (image) with ffmpeg: no shell, local files
// only, forced input format, within the processing budgets, fits in 480x480 keeping the aspect ratio.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { threadsOf, type RunTool } from './ffprobe.js';

export const THUMBNAIL_SIZE = 480;

export interface ThumbnailInput {
  file: string;
  demuxer: string;
  /** seconds into a video to take the frame from; 0 for images */
  at: number;
  maxPixels: number;
}

/** Writes the thumbnail to a temporary file and returns its bytes. */
export async function makeThumbnail(run: RunTool, input: ThumbnailInput): Promise<Buffer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-thumb-'));
  const out = path.join(dir, 'thumb.jpg');
  try {
    const seek = input.at > 0 ? ['-ss', input.at.toFixed(3)] : [];
    const scale = `scale='min(${THUMBNAIL_SIZE},iw)':'min(${THUMBNAIL_SIZE},ih)':force_original_aspect_ratio=decrease`;
    await run('ffmpeg', [
      '-v',
      'error',
      '-nostdin',
      '-protocol_whitelist',
      'file',
      '-max_pixels',
      String(input.maxPixels),
      // one frame: no more decoder threads than the job's share of the cores
      ...['-threads', String(threadsOf(run)), '-filter_threads', '1'],
      ...seek,
      '-f',
      input.demuxer,
      '-i',
      `file:${input.file}`,
      '-frames:v',
      '1',
      '-vf',
      scale,
      '-an',
      '-f',
      'image2',
      '-c:v',
      'mjpeg',
      '-q:v',
      '4',
      '-y',
      `file:${out}`,
    ]);
    return await fs.readFile(out);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
