// Real media for the tests, made by ffmpeg at set-up time, and a sha256 helper to compare stored bytes.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A ~20 MB H.264 MP4: a moving test pattern with noise so the encoder cannot squeeze it small. */
export async function makeVideo(dir: string, name = 'lecture.mp4'): Promise<string> {
  const path = join(dir, name);
  await run('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=1280x720:rate=25',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:sample_rate=44100',
    '-t',
    '16',
    '-vf',
    'noise=alls=30:allf=t',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-b:v',
    '9M',
    '-maxrate',
    '10M',
    '-bufsize',
    '10M',
    '-c:a',
    'aac',
    '-shortest',
    '-movflags',
    '+faststart',
    path,
  ]);
  return path;
}

export async function makeImage(dir: string, name = 'cover.png'): Promise<string> {
  const path = join(dir, name);
  await run('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=640x360',
    '-frames:v',
    '1',
    path,
  ]);
  return path;
}

export async function makeDocument(dir: string, name = 'syllabus.txt'): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, 'Week 1: introduction\nWeek 2: practice\n'.repeat(200));
  return path;
}

export async function sha256(source: string | Uint8Array): Promise<string> {
  const bytes = typeof source === 'string' ? await readFile(source) : source;
  return createHash('sha256').update(bytes).digest('hex');
}

export async function sizeOf(path: string): Promise<number> {
  return (await stat(path)).size;
}
