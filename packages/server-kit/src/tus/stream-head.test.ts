// keepHead: the first bytes a stream hands on, whoever consumes it, and nothing changed in what it hands on.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { PassThrough, Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, it } from 'node:test';
import { keepHead } from './stream-head.js';

const chunksOf = (bytes: Buffer, size: number): Buffer[] =>
  Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));

describe('keepHead', () => {
  it('keeps the first bytes across chunks of a piped stream, which passes every byte on', async () => {
    const bytes = randomBytes(10_000);
    const source = new PassThrough();
    const head = keepHead(source, 4100);
    const received: Buffer[] = [];
    const done = pipeline(
      source,
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          received.push(chunk);
          callback();
        },
      }),
    );
    for (const chunk of chunksOf(bytes, 1000)) source.write(chunk);
    source.end();
    await done;
    assert.deepEqual(Buffer.concat(received), bytes);
    assert.deepEqual(head(), bytes.subarray(0, 4100));
    assert.equal(Object.hasOwn(source, 'push'), false, 'push is the stream’s own again');
  });

  it('works for a consumer that iterates, and for a stream shorter than the head', async () => {
    const bytes = randomBytes(300);
    const source = Readable.from(chunksOf(bytes, 64), { objectMode: false });
    const head = keepHead(source, 4100);
    const received: Buffer[] = [];
    for await (const chunk of source) received.push(chunk as Buffer);
    assert.deepEqual(Buffer.concat(received), bytes);
    assert.deepEqual(head(), bytes);
  });

  it('copies what it keeps: a chunk reused after it was handed on does not change the head', async () => {
    const source = new PassThrough();
    const head = keepHead(source, 8);
    const chunk = Buffer.from('abcdefgh');
    source.write(chunk);
    chunk.fill(0);
    source.end();
    source.resume();
    assert.equal(head().toString(), 'abcdefgh');
  });
});
