import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import {
  createSocket,
  eventsUrl,
  parseServerEvent,
  progressOperationOf,
  type SocketOptions,
  type WebSocketConstructor,
} from './socket.js';
import type { ServerEvent } from '../protocol.js';

let wss: WebSocketServer;
let endpoint: string;
const upgrades: { url: string; authorization?: string }[] = [];

before(async () => {
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  wss.on('connection', (_socket, req) =>
    upgrades.push({ url: req.url ?? '', authorization: req.headers.authorization }),
  );
  await new Promise((resolve) => wss.once('listening', resolve));
  endpoint = `http://127.0.0.1:${(wss.address() as AddressInfo).port}/api/media`;
});
after(() => new Promise<void>((resolve) => wss.close(() => resolve())));

const nextConnection = () => new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
const waitFor = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

test('events urls: relative endpoints resolve against the page, http becomes ws', () => {
  const table: [endpoint: string, base: string | undefined, want: string][] = [
    ['/api/media', 'http://example.test/app/', 'ws://example.test/api/media/events'],
    ['/api/media', 'https://example.test/', 'wss://example.test/api/media/events'],
    ['api/media', 'https://example.test/app/', 'wss://example.test/app/api/media/events'],
    ['http://127.0.0.1:8080/api/media', undefined, 'ws://127.0.0.1:8080/api/media/events'],
  ];
  for (const [input, base, want] of table) assert.equal(eventsUrl(input, base), want);
});

test('malformed and unknown messages are dropped', () => {
  assert.equal(parseServerEvent('not json'), null);
  assert.equal(parseServerEvent('{"type":"made-up"}'), null);
  assert.equal(parseServerEvent(42), null);
  assert.deepEqual(parseServerEvent(Buffer.from('{"type":"media-deleted","fileIds":["a"]}')), {
    type: 'media-deleted',
    fileIds: ['a'],
  });
});

test('delivers typed events to observers, sends headers on the upgrade, and reconnects', async () => {
  const connection = nextConnection();
  const socket = createSocket({
    endpoint,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    headers: () => ({ authorization: 'Bearer abc' }),
    reconnectDelay: () => 20,
  });
  const states: boolean[] = [];
  const deleted: ServerEvent[] = [];
  socket.on('socket-state', (event) => states.push(event.connected));
  const off = socket.on('media-deleted', (event) => deleted.push(event));
  const server = await connection;
  await waitFor(() => socket.connected);
  assert.deepEqual(upgrades.at(-1), { url: '/api/media/events', authorization: 'Bearer abc' });

  server.send('{"type":"media-deleted","fileIds":["f1"]}');
  server.send('garbage');
  await waitFor(() => deleted.length === 1);
  assert.deepEqual(deleted[0], { type: 'media-deleted', fileIds: ['f1'] });

  const again = nextConnection();
  server.terminate();
  const second = await again;
  await waitFor(() => socket.connected);
  assert.deepEqual(states, [true, false, true]);

  off();
  second.send('{"type":"media-deleted","fileIds":["f2"]}');
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(deleted.length, 1, 'an unsubscribed observer hears nothing');
  socket.close();
  const countAfterClose = wss.clients.size;
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.ok(wss.clients.size <= countAfterClose, 'no reconnect after close');
  assert.equal(socket.connected, false);
});

test('keeps trying with backoff while the server is unreachable', async () => {
  const delays: number[] = [];
  const socket = createSocket({
    endpoint: 'http://127.0.0.1:9/api/media',
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    reconnectDelay: (attempt) => {
      delays.push(attempt);
      return 5;
    },
  });
  await waitFor(() => delays.length >= 3);
  socket.close();
  assert.deepEqual(delays.slice(0, 3), [0, 1, 2]);
});

/** an upload's progress as the server kit writes it (tus/tus-endpoint.ts: type, operationId, data) */
const progressFrame = (operationId: string) =>
  JSON.stringify({
    type: 'media-upload-progress',
    operationId,
    data: { progress: 50, bytesReceived: 5, bytesTotal: 10 },
  });

test('the operation of a progress message is read without parsing; any other text gives null', () => {
  assert.equal(progressOperationOf(progressFrame('op_1.a:b-c')), 'op_1.a:b-c');
  const others: unknown[] = [
    '{"type":"media-upload-complete","operationId":"op","fileId":"f","success":true}',
    '{"operationId":"op","type":"media-upload-progress","data":{}}', // other key order: parsed as usual
    '{"type":"media-upload-progress","operationId":"op\\"x","data":{}}', // an escape: parsed as usual
    '{"type":"media-upload-progress","operationId":"unterminated',
    Buffer.from(progressFrame('op')),
    42,
  ];
  for (const data of others) assert.equal(progressOperationOf(data), null, String(data));
});

/** a socket with `options` and its server side: the progress and completions it delivers, the
 * messages it sends */
async function watchedSocket(options: Pick<SocketOptions, 'skipProgress' | 'muteProgress'>) {
  const connection = nextConnection();
  const socket = createSocket({
    endpoint,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    ...options,
  });
  const heard: string[] = [];
  socket.on('media-upload-progress', (event) => heard.push(`progress ${event.operationId}`));
  socket.on('media-upload-complete', (event) => heard.push(`complete ${event.operationId}`));
  const server = await connection;
  const sent: unknown[] = [];
  server.on('message', (data) => sent.push(JSON.parse(String(data))));
  await waitFor(() => socket.connected);
  /** closes the socket once every message it sent is in */
  const close = async () => {
    const closed = new Promise((resolve) => server.once('close', resolve));
    socket.close();
    await closed;
  };
  return { server, heard, sent, close };
}

test('progress the client does not want is dropped and muted; other progress and every lifecycle event arrive', async () => {
  const asked: string[] = [];
  const { server, heard, sent, close } = await watchedSocket({
    skipProgress: (id) => {
      asked.push(id);
      return id === 'mine';
    },
  });
  server.send(progressFrame('mine'));
  server.send(progressFrame('theirs'));
  server.send(progressFrame('mine'));
  server.send('{"type":"media-upload-complete","operationId":"mine","fileId":"f","success":true}');
  await waitFor(() => heard.length === 2);
  assert.deepEqual(heard, ['progress theirs', 'complete mine']);
  assert.deepEqual(asked, ['mine', 'theirs', 'mine'], 'asked about progress only');
  // once per upload, and again after its lifecycle event (the server forgets the mute there too)
  server.send(progressFrame('mine'));
  await waitFor(() => sent.length >= 2);
  await close();
  const mute = { type: 'mute-progress', operationId: 'mine' };
  assert.deepEqual(sent, [mute, mute]);
});

test("a skipped upload's progress is not muted when muteProgress says there is no more of it to come", async () => {
  const { server, heard, sent, close } = await watchedSocket({
    skipProgress: (id) => id.startsWith('mine'),
    muteProgress: (id) => id === 'mine-large',
  });
  server.send(progressFrame('mine-small'));
  server.send(progressFrame('mine-large'));
  server.send('{"type":"media-upload-complete","operationId":"mine-small","fileId":"f","success":true}');
  await waitFor(() => heard.length === 1);
  await close();
  assert.deepEqual(heard, ['complete mine-small'], 'both progress messages dropped');
  assert.deepEqual(sent, [{ type: 'mute-progress', operationId: 'mine-large' }], 'only the large one muted');
});
