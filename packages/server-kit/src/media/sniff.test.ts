import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { describe, it } from 'node:test';
import { makeMedia, type Fixture } from '../test-support/clients.test-helper.js';
import { sniff, SNIFF_BYTES } from './sniff.js';

const head = async (file: string): Promise<Buffer> => (await fs.readFile(file)).subarray(0, SNIFF_BYTES);

describe('sniff', () => {
  const real: [Fixture, string, string, string][] = [
    ['clip.mp4', 'video/mp4', 'video', 'mov'],
    ['clip.webm', 'video/webm', 'video', 'matroska'],
    ['clip.ts', 'video/mp2t', 'video', 'mpegts'],
    ['still.png', 'image/png', 'image', 'png_pipe'],
    ['still.jpg', 'image/jpeg', 'image', 'jpeg_pipe'],
    ['tone.wav', 'audio/wav', 'audio', 'wav'],
    ['tone.ogg', 'audio/ogg', 'audio', 'ogg'],
  ];
  for (const [fixture, mimeType, type, demuxer] of real) {
    it(`recognises an ffmpeg-made ${fixture} whatever the client claims`, async () => {
      assert.deepEqual(sniff(await head(await makeMedia(fixture)), 'text/html'), { mimeType, type, demuxer });
    });
  }

  const crafted: [string, Buffer, string, string][] = [
    ['a PDF', Buffer.from('%PDF-1.7\n...'), '', 'application/pdf'],
    [
      'HTML claiming to be a PNG',
      Buffer.from('<!DOCTYPE html><script>alert(1)</script>'),
      'image/png',
      'text/html',
    ],
    [
      'SVG claiming to be an image',
      Buffer.from('<?xml version="1.0"?>\n<svg onload="alert(1)"/>'),
      'image/svg+xml',
      'image/svg+xml',
    ],
    ['plain text claiming to be a video', Buffer.from('hello world'), 'video/mp4', 'text/plain'],
    // 0x47 is MPEG-TS's sync byte, and "G": a file of one repeated byte is no stream
    ['a file of G bytes', Buffer.alloc(4100, 'G'), 'application/octet-stream', 'text/plain'],
    [
      'sync bytes every 188 bytes, then not',
      Buffer.concat([
        Buffer.alloc(3 * 188, 1)
          .fill(0x47, 0, 1)
          .fill(0x47, 188, 189)
          .fill(0x47, 376, 377),
        Buffer.alloc(600, 2),
      ]),
      'application/octet-stream',
      'application/octet-stream',
    ],
    ['CSV claimed as CSV', Buffer.from('a,b\n1,2\n'), 'text/csv', 'text/csv'],
    ['CSV claimed as HTML', Buffer.from('a,b\n1,2\n'), 'text/html', 'text/plain'],
    ['random binary', Buffer.from([0, 1, 2, 3, 0, 255, 7]), 'image/png', 'application/octet-stream'],
    ['an empty file', Buffer.alloc(0), 'video/mp4', 'text/plain'],
    ['control bytes claiming to be text', Buffer.alloc(4096, 1), 'text/plain', 'application/octet-stream'],
    ['text with tabs, form feeds and escapes', Buffer.from('a\tb\fc\x1b[0m\r\n'), 'text/plain', 'text/plain'],
  ];
  for (const [label, bytes, claimed, expected] of crafted) {
    it(`reads ${label} as ${expected}`, () => {
      assert.equal(sniff(bytes, claimed).mimeType, expected);
    });
  }

  it('never calls markup an image', () => {
    assert.notEqual(sniff(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')).type, 'image');
  });
});
