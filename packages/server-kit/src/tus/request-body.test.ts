// requestBody: a request's body as a web stream, every byte in order, the socket's chunks handed on as
// they are (no copy), and a request cut off errors the stream as Node's Readable.toWeb does.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { heapGrowth } from '../http/heap-growth.js';
import { requestBody } from './request-body.js';

describe('requestBody', () => {
  let server: http.Server;
  let url: string;
  let handle: (req: IncomingMessage) => Promise<void>;
  before(async () => {
    server = http.createServer((req, res) => {
      void handle(req).finally(() => res.end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  it('hands on every byte, in the chunks the request delivered', async () => {
    const bytes = randomBytes(3 * 1024 * 1024);
    const got: { chunks: Uint8Array[]; delivered: Buffer[]; held: boolean } = {
      chunks: [],
      delivered: [],
      held: false,
    };
    const done = new Promise<void>((resolve, reject) => {
      handle = async (req) => {
        req.on('data', (chunk: Buffer) => got.delivered.push(chunk));
        try {
          // a slow reader: the request is paused while the stream's queue is full
          for await (const chunk of requestBody(req)) {
            got.held ||= heapGrowth.held;
            got.chunks.push(chunk);
            await new Promise((r) => setImmediate(r));
          }
          resolve();
        } catch (error) {
          reject(error as Error);
        }
      };
    });
    const res = await fetch(url, { method: 'POST', body: new Uint8Array(bytes) });
    await res.arrayBuffer();
    await done;
    assert.deepEqual(Buffer.concat(got.chunks), bytes);
    assert.ok(got.held, "V8's heap growing factor is held while the body is read (http/heap-growth.ts)");
    assert.ok(got.chunks.length > 1);
    got.chunks.forEach((chunk, i) =>
      assert.equal(chunk.buffer, got.delivered[i]?.buffer, `chunk ${i} copied`),
    );
  });

  it('errors (does not end) when the request is cut off, as Readable.toWeb does', async () => {
    let started!: () => void;
    const receiving = new Promise<void>((resolve) => (started = resolve));
    const failure = new Promise<unknown>((resolve) => {
      handle = async (req) => {
        try {
          for await (const chunk of requestBody(req)) if (chunk.byteLength > 0) started();
          resolve(undefined);
        } catch (error) {
          resolve(error);
        }
      };
    });
    const req = http.request(url, { method: 'POST', headers: { 'Content-Length': '1000000' } });
    req.on('error', () => undefined);
    req.write(randomBytes(1000));
    await receiving; // the server holds part of the body: now the client goes away
    req.destroy();
    const error = (await failure) as NodeJS.ErrnoException | undefined;
    assert.ok(error instanceof Error, 'the stream errored');
    assert.ok(error.name === 'AbortError' || error.code === 'ECONNRESET', String(error));
  });
});
