// Socket tickets: a page on another origin whose credentials are a bearer token (or cross-site
// cookies) asks `POST /events/ticket` and opens the socket with `?ticket=`: single use, 60 s, bound
// to the identity that asked, no other auth on that upgrade; an unknown, used or expired ticket is
// refused 401, a disallowed origin 403.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SocketTicketResponse } from '@mediabay/core/protocol';
import { openEvents } from '../test-support/clients.test-helper.js';
import { as, authenticate, createFile } from '../test-support/roles.test-helper.js';
import {
  openTestDatabase,
  startTestServer,
  waitFor,
  type TestServer,
} from '../test-support/server.test-helper.js';

const PAGE = 'https://lms.example';

describe('socket tickets', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ authenticate, allowedOrigins: [PAGE] });
  });
  after(() => server.close());

  const ask = (headers: Record<string, string>) =>
    fetch(`${server.url}/api/media/events/ticket`, { method: 'POST', headers: { Origin: PAGE, ...headers } });
  const ticketFor = async (user: string): Promise<string> => {
    const res = await ask(as(user));
    assert.equal(res.status, 201);
    return ((await res.json()) as SocketTicketResponse).ticket;
  };
  /** The upgrade's status: 101 when the socket opened (then closed again). */
  const upgrade = async (
    query: string,
    headers: Record<string, string> = { Origin: PAGE },
  ): Promise<number> => {
    try {
      const { ws } = await openEvents(`${server.wsUrl}${query}`, headers);
      ws.close();
      return 101;
    } catch (error) {
      return Number(/upgrade refused: (\d+)/.exec((error as Error).message)?.[1] ?? 0);
    }
  };

  it('issues a 60 s ticket to an authenticated caller, as JSON with CORS for the page', async () => {
    const res = await ask(as('vic'));
    assert.equal(res.status, 201);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(res.headers.get('access-control-allow-origin'), PAGE);
    const body = (await res.json()) as SocketTicketResponse;
    assert.equal(body.expiresIn, 60);
    assert.match(body.ticket, /^[A-Za-z0-9_-]{43}$/);
    assert.equal((await ask({})).status, 401);
    assert.equal((await ask(as('nobody'))).status, 403, 'no ticket for a caller who may not read');
    const foreign = await ask({ ...as('vic'), Origin: 'https://evil.example' });
    assert.equal(foreign.status, 403, 'the CSRF rule holds for the ticket route');
  });

  it("opens the socket with a ticket alone, as the ticket's identity, once", async () => {
    const ticket = await ticketFor('erin');
    const { ws, events } = await openEvents(`${server.wsUrl}?ticket=${ticket}`, { Origin: PAGE });
    try {
      const file = await createFile(server, 'alice');
      await waitFor(() =>
        events.some((e) => e.type === 'media-created' && e.file.id === file.id) ? true : undefined,
      );
    } finally {
      ws.close();
    }
    assert.equal(await upgrade(`?ticket=${ticket}`), 401, 'used');
  });

  it('refuses unknown, malformed and expired tickets with 401, and a disallowed origin with 403', async () => {
    assert.equal(await upgrade(`?ticket=${'A'.repeat(43)}`), 401);
    assert.equal(await upgrade('?ticket=short'), 401);
    assert.equal(await upgrade('?ticket='), 401);
    const expired = await ticketFor('erin');
    const db = await openTestDatabase(server.dataDir);
    try {
      await db
        .updateTable('socket_tickets')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .execute();
    } finally {
      await db.destroy();
    }
    assert.equal(await upgrade(`?ticket=${expired}`), 401);
    const crossSite = await ticketFor('erin');
    assert.equal(await upgrade(`?ticket=${crossSite}`, { Origin: 'https://evil.example' }), 403);
    assert.equal(await upgrade(`?ticket=${crossSite}`), 401, 'taken by the refused upgrade');
  });

  it('keeps the other ways in: headers still authenticate an upgrade without a ticket', async () => {
    assert.equal(await upgrade('', { Origin: PAGE, ...as('vic') }), 101);
    assert.equal(await upgrade('', { Origin: PAGE }), 401);
  });

  it('stores tickets only as hashes', async () => {
    const ticket = await ticketFor('vic');
    const db = await openTestDatabase(server.dataDir);
    try {
      const rows = await db.selectFrom('socket_tickets').selectAll().execute();
      assert.ok(rows.length > 0);
      assert.ok(rows.every((row) => row.id !== ticket && /^[a-f0-9]{64}$/.test(row.id)));
    } finally {
      await db.destroy();
    }
  });
});
