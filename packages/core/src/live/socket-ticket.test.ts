// The socket's ticket handshake against a real HTTP + WebSocket server: a ticket per (re)connect,
// single-use; a refused ticket request means no upgrade; a server without the route gets a plain upgrade;
// the URLs of a file in an event resolve against the endpoint.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { createFetcher } from '../http.js';
import type { ServerEvent } from '../protocol.js';
import { createSocket, type WebSocketConstructor } from './socket.js';
import { createTicketSource, withTicket } from './socket-ticket.js';
import { waitFor } from '../test-support/wait.js';

let server: http.Server;
let base: string;
let token = 'good';
let ticketRoute = true;
let issued = 0;
const unused = new Set<string>();
const ticketRequests: string[] = [];
const upgrades: string[] = [];
const wss = new WebSocketServer({ noServer: true });

before(async () => {
  server = http.createServer((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (!ticketRoute || req.method !== 'POST' || req.url !== '/api/media/events/ticket')
      return json(404, { error: { code: 'not-found', message: 'No such route.' } });
    ticketRequests.push(req.headers.authorization ?? '');
    if (req.headers.authorization !== 'Bearer good')
      return json(401, { error: { code: 'unauthorized', message: 'Sign in again.' } });
    const ticket = `t${++issued}`;
    unused.add(ticket);
    json(201, { ticket, expiresIn: 60 });
  });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '', 'http://x');
    const ticket = url.searchParams.get('ticket');
    upgrades.push(ticket ?? '');
    if (ticket !== null && !unused.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/media`;
});
after(async () => {
  for (const client of wss.clients) client.terminate();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function socketWithTickets() {
  const fetcher = createFetcher(base, () => ({ authorization: `Bearer ${token}` }));
  return createSocket({
    endpoint: base,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    reconnectDelay: () => 20,
    ticket: createTicketSource(fetcher),
  });
}

test('withTicket adds the ticket to the query, and nothing without one', () => {
  assert.equal(withTicket('ws://h/api/media/events', 'a b'), 'ws://h/api/media/events?ticket=a+b');
  assert.equal(withTicket('ws://h/api/media/events', null), 'ws://h/api/media/events');
});

test('each connect and reconnect asks a new ticket with the bearer token and uses it once', async () => {
  upgrades.length = 0;
  ticketRequests.length = 0;
  const socket = socketWithTickets();
  try {
    await waitFor(() => socket.connected, 3000, 'first connect');
    assert.equal(upgrades.length, 1);
    for (const client of wss.clients) client.terminate();
    await waitFor(() => upgrades.length === 2 && socket.connected, 3000, 'reconnect');
    assert.notEqual(upgrades[0], upgrades[1], 'a ticket is never sent twice');
    assert.ok(upgrades.every((ticket) => /^t\d+$/.test(ticket)));
    assert.deepEqual(ticketRequests, ['Bearer good', 'Bearer good']);
  } finally {
    socket.close();
  }
});

test('a refused ticket request makes no upgrade; a fresh token connects on a later try', async () => {
  upgrades.length = 0;
  ticketRequests.length = 0;
  token = 'expired';
  const socket = socketWithTickets();
  try {
    // the server stops refusing once the host app's headers carry a valid token again
    await waitFor(() => ticketRequests.length >= 3, 3000, 'several refused ticket requests');
    assert.equal(upgrades.length, 0, 'no upgrade without a ticket');
    assert.equal(socket.connected, false);
    token = 'good';
    await waitFor(() => socket.connected, 3000, 'connected with a fresh token');
    assert.equal(upgrades.length, 1);
  } finally {
    socket.close();
    token = 'good';
  }
});

test('a server without the ticket route gets a plain upgrade', async () => {
  upgrades.length = 0;
  ticketRoute = false;
  const socket = socketWithTickets();
  try {
    await waitFor(() => socket.connected, 3000, 'connected without a ticket');
    assert.deepEqual(upgrades, ['']);
  } finally {
    socket.close();
    ticketRoute = true;
  }
});

test('a file in a socket event has its URLs on the server, not on the page', async () => {
  const socket = socketWithTickets();
  const heard: ServerEvent[] = [];
  socket.on('media-created', (event) => void heard.push(event));
  try {
    await waitFor(() => socket.connected, 3000, 'connected');
    const file = {
      id: 'f1',
      name: 'a.png',
      contentUrl: '/api/media/f1/content',
      thumbnailUrl: '/api/media/f1/thumbnail',
      renditions: [{ kind: 'web', url: '/api/media/f1/renditions/web' }],
    };
    for (const client of wss.clients) client.send(JSON.stringify({ type: 'media-created', file }));
    await waitFor(() => heard.length === 1, 3000, 'the event');
    const origin = new URL(base).origin;
    const got = heard[0]!.type === 'media-created' ? heard[0]!.file : null;
    assert.equal(got?.contentUrl, `${origin}/api/media/f1/content`);
    assert.equal(got?.thumbnailUrl, `${origin}/api/media/f1/thumbnail`);
    assert.deepEqual((got as unknown as typeof file).renditions, [
      { kind: 'web', url: `${origin}/api/media/f1/renditions/web` },
    ]);
  } finally {
    socket.close();
  }
});
