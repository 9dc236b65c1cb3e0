// A ticket asked of one instance opens the socket on another (tickets live in the shared database),
// once: two instances in this process sharing one PostgreSQL database.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SocketTicketResponse } from '@mediabay/core/protocol';
import { openEvents } from '../test-support/clients.test-helper.js';
import { as, authenticate } from '../test-support/roles.test-helper.js';
import { startTestServer, type TestServer } from '../test-support/server.test-helper.js';
import { freshPostgres, missingServices } from '../test-support/services.test-helper.js';

describe('socket tickets across instances', { skip: missingServices('postgres') }, () => {
  let database: { url: string; drop(): Promise<void> };
  let a: TestServer;
  let b: TestServer;
  before(async () => {
    database = await freshPostgres();
    a = await startTestServer({ authenticate, database: database.url });
    b = await startTestServer({ authenticate, database: database.url });
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  const status = async (server: TestServer, ticket: string): Promise<number> => {
    try {
      const { ws } = await openEvents(`${server.wsUrl}?ticket=${ticket}`);
      ws.close();
      return 101;
    } catch (error) {
      return Number(/upgrade refused: (\d+)/.exec((error as Error).message)?.[1] ?? 0);
    }
  };

  it('accepts on B a ticket issued by A, and only once on either', async () => {
    const res = await fetch(`${a.url}/api/media/events/ticket`, { method: 'POST', headers: as('vic') });
    assert.equal(res.status, 201);
    const { ticket } = (await res.json()) as SocketTicketResponse;
    assert.equal(await status(b, ticket), 101);
    assert.equal(await status(a, ticket), 401);
    assert.equal(await status(b, ticket), 401);
  });
});
