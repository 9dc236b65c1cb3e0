// A web-test-runner plugin that makes tiny media files with ffmpeg for browser tests (the browser
// cannot): `executeServerCommand('make-media', { name })` answers `{ base64 }`. Only the recipes
// below can be asked for; each is made once per run.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const video = (size) => ['-f', 'lavfi', '-i', `testsrc=duration=2:size=${size}:rate=10`];
const tone = ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=2'];

/** Media browsers cannot play as uploaded (and two they can), 2 s and small frames. */
export const MEDIA_RECIPES = {
  'phone.mov': [
    ...video('320x240'),
    ...tone,
    '-c:v',
    'libx265',
    '-x265-params',
    'log-level=none',
    '-tag:v',
    'hvc1',
    '-c:a',
    'aac',
  ],
  'old.avi': [...video('320x240'), ...tone, '-c:v', 'mpeg4', '-c:a', 'libmp3lame'],
  'edit.mov': [...video('176x144'), '-c:v', 'prores_ks', '-profile:v', '0'],
  'web.webm': [...video('160x120'), '-c:v', 'libvpx', '-b:v', '200k'],
  'late-index.mp4': [...video('320x240'), ...tone, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac'],
  'tone.aiff': [...tone],
};

export function mediaFixtures() {
  let dir;
  const made = new Map();
  return {
    name: 'mediabay-media-fixtures',
    async serverStart() {
      dir = await mkdtemp(join(tmpdir(), 'mediabay-wtr-media-'));
    },
    async serverStop() {
      if (dir) await rm(dir, { recursive: true, force: true });
    },
    async executeCommand({ command, payload }) {
      if (command !== 'make-media') return undefined;
      const name = payload?.name;
      if (!Object.hasOwn(MEDIA_RECIPES, name)) throw new Error(`no media recipe named ${name}`);
      if (!made.has(name)) {
        const file = join(dir, name);
        made.set(
          name,
          run('ffmpeg', ['-v', 'error', ...MEDIA_RECIPES[name], '-y', file]).then(() =>
            readFile(file, 'base64'),
          ),
        );
      }
      return { base64: await made.get(name) };
    },
  };
}
