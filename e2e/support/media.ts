// Media for the tests: real video/images made by ffmpeg, large files written fast, and sha256 helpers.
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, stat, writeFile } from 'node:fs/promises';
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

/**
 * A large file written fast (no encoder): one random MiB repeated, so the bytes are not all alike
 * and a misplaced chunk would change the hash. The server stores it as type `other`.
 */
export async function makeLargeFile(dir: string, name: string, mebibytes: number): Promise<string> {
  const path = join(dir, name);
  const block = randomBytes(1024 * 1024);
  const handle = await open(path, 'w');
  try {
    for (let i = 0; i < mebibytes; i += 1) {
      block.writeUInt32BE(i, 0); // every MiB differs at its start
      await handle.write(block);
    }
  } finally {
    await handle.close();
  }
  return path;
}

/** sha256 of a file or a response body, streamed (large files are not read into memory). */
export async function sha256Stream(source: string | ReadableStream<Uint8Array>): Promise<string> {
  const hash = createHash('sha256');
  if (typeof source === 'string') {
    for await (const chunk of createReadStream(source)) hash.update(chunk as Buffer);
  } else {
    const reader = source.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) hash.update(read.value);
  }
  return hash.digest('hex');
}
