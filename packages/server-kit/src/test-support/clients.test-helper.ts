// Test support: real clients (tus-js-client's Node build, ws) and media files made by ffmpeg.
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ServerEvent } from '@mediabay/core/protocol';
import * as tus from 'tus-js-client';
import WebSocket from 'ws';

const run = promisify(execFile);

export const sha256 = (bytes: Buffer | Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

export const newOperationId = (): string =>
  `media_upload_${Date.now()}_${Array.from(randomBytes(15), (b) => (b % 36).toString(36)).join('')}`;

export interface UploadResult {
  url: string;
  fileId: string | null;
}

export function tusOptions(
  endpoint: string,
  name: string,
  type: string,
  operationId: string,
): tus.UploadOptions {
  return {
    endpoint,
    metadata: { filename: name, filetype: type, operationId },
    retryDelays: [],
    storeFingerprintForResuming: false,
  };
}

/** Uploads `bytes` with tus-js-client and resolves with the upload URL and the server's file id. */
export function tusUpload(
  endpoint: string,
  bytes: Buffer,
  meta: { name: string; type: string; operationId: string },
  extra: Partial<tus.UploadOptions> = {},
): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const upload: tus.Upload = new tus.Upload(bytes, {
      ...tusOptions(endpoint, meta.name, meta.type, meta.operationId),
      ...extra,
      onError: reject,
      onSuccess: (payload) => {
        const fileId = payload?.lastResponse?.getHeader('Mediabay-File-Id') ?? null;
        resolve({ url: upload.url ?? '', fileId: fileId || null });
      },
    });
    upload.start();
  });
}

/** A socket that records every event it receives. */
export async function openEvents(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ ws: WebSocket; events: ServerEvent[] }> {
  const ws = new WebSocket(url, { headers });
  const events: ServerEvent[] = [];
  ws.on('message', (data) => events.push(JSON.parse(String(data)) as ServerEvent));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  return { ws, events };
}

let fixtureDir: Promise<string> | undefined;

const RECIPES = {
  'clip.mp4': [
    '-f',
    'lavfi',
    '-i',
    'testsrc=duration=1:size=320x240:rate=10',
    '-pix_fmt',
    'yuv420p',
    '-c:v',
    'libx264',
  ],
  'clip.webm': [
    '-f',
    'lavfi',
    '-i',
    'testsrc=duration=1:size=160x120:rate=10',
    '-c:v',
    'libvpx',
    '-b:v',
    '200k',
  ],
  'clip.ts': [
    '-f',
    'lavfi',
    '-i',
    'testsrc=duration=1:size=160x120:rate=10',
    '-c:v',
    'mpeg2video',
    '-f',
    'mpegts',
  ],
  'still.png': ['-f', 'lavfi', '-i', 'testsrc=size=640x360', '-frames:v', '1'],
  'still.jpg': ['-f', 'lavfi', '-i', 'testsrc=size=200x100', '-frames:v', '1'],
  'tone.wav': ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=1'],
  'tone.ogg': ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', '-c:a', 'libvorbis'],
} as const;

export type Fixture = keyof typeof RECIPES;

/** A small real media file made by ffmpeg, once per test process. */
export function makeMedia(name: Fixture): Promise<string> {
  fixtureDir ??= fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-fixtures-'));
  return fixtureDir.then(async (dir) => {
    const file = path.join(dir, name);
    try {
      await fs.access(file);
    } catch {
      await run('ffmpeg', ['-v', 'error', ...RECIPES[name], '-y', file]);
    }
    return file;
  });
}

/** A one-second H.264 MP4 (320x240). */
export const makeVideo = (): Promise<string> => makeMedia('clip.mp4');
