// The first bytes a stream hands on, kept as it hands them on: the creating request of a small upload
// carries the whole file, so its type can be sniffed from what went to the store instead of reading
// the file back (an open, a read and a close per upload). The stream's `push` is wrapped only until
// the head is complete, whoever consumes the stream and however (pipe, data events, async iteration).
import type { Readable } from 'node:stream';

/** Starts keeping the first `bytes` bytes `stream` pushes; the function returns what it has so far. */
export function keepHead(stream: Readable, bytes: number): () => Buffer {
  const chunks: Buffer[] = [];
  let kept = 0;
  const push = stream.push;
  const own = Object.hasOwn(stream, 'push');
  const restore = (): void => {
    if (own) stream.push = push;
    else delete (stream as Partial<Readable>).push;
  };
  stream.push = function (chunk: unknown, encoding?: BufferEncoding) {
    if (Buffer.isBuffer(chunk) || chunk instanceof Uint8Array) {
      const piece = Buffer.from(chunk.buffer, chunk.byteOffset, Math.min(chunk.byteLength, bytes - kept));
      chunks.push(Buffer.from(piece)); // a copy: the chunk's memory may be reused once written
      kept += piece.byteLength;
      if (kept >= bytes) restore();
    }
    return push.call(this, chunk, encoding);
  };
  return () => {
    restore();
    return Buffer.concat(chunks, kept);
  };
}
