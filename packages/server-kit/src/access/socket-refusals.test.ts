// Refused socket upgrades in the audit log: on a real server with a real `ws` client, each refusal
// (401, 403 for a role without `read`, a foreign Origin, a host's tenant check) leaves one
// `socket.refused` entry; the bound keeps a few per caller and window and sums the rest.
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { AuditEntry } from '@mediabay/core/protocol';
import type { NewAuditEntry } from '../db/database.js';
import { openEvents } from '../test-support/clients.test-helper.js';
import { HttpError } from '../http/errors.js';
import {
  api,
  as,
  auditLog,
  authenticate,
  refusedWith,
  unknownCallerEntries,
} from '../test-support/roles.test-helper.js';
import {
  openTestDatabase,
  startTestServer,
  waitFor,
  type TestServer,
} from '../test-support/server.test-helper.js';
import { createRefusalAudit, type SocketRefusal } from './socket-refusals.js';

const stranger = (remoteAddress: string): SocketRefusal => ({
  status: 401,
  code: 'unauthenticated',
  remoteAddress,
});
const viewer: SocketRefusal = {
  status: 403,
  code: 'forbidden',
  auth: { userId: 'vic', tenantId: 't1', roles: [] },
  remoteAddress: '10.0.0.9',
};

function audit(bounds = { perCaller: 2, unknownCallers: 3, windowMs: 60_000 }) {
  const written: NewAuditEntry[] = [];
  const log = createRefusalAudit(async (entry) => {
    written.push(entry);
  }, bounds);
  return { log, written };
}

describe('refused socket audit bound', () => {
  it('records each refusal with who, tenant, status, reason and address while under the bound', async () => {
    const { log, written } = audit();
    log.record(viewer);
    log.record({ ...stranger('10.0.0.1'), origin: `https://evil.example/${'x'.repeat(300)}` });
    await log.close();
    assert.deepEqual(written[0], {
      tenantId: 't1',
      userId: 'vic',
      action: 'socket.refused',
      detail: { status: 403, reason: 'forbidden', remoteAddress: '10.0.0.9' },
    });
    assert.deepEqual([written[1]?.tenantId, written[1]?.userId], ['', '']);
    assert.ok(String(written[1]?.detail?.origin).length <= 201, 'a long Origin is clipped');
    assert.equal(written.length, 2, 'nothing left out, so no summary');
  });

  it('writes at most perCaller entries per caller and sums the rest into one summary per tenant', async () => {
    const { log, written } = audit();
    for (let i = 0; i < 5; i += 1) log.record(viewer);
    for (let i = 0; i < 4; i += 1) log.record(stranger('10.0.0.1'));
    await log.flush();
    assert.equal(written.filter((e) => e.userId === 'vic').length, 2);
    assert.equal(written.filter((e) => e.tenantId === '' && e.detail?.status === 401).length, 2);
    const summaries = written.filter((e) => e.detail?.suppressed !== undefined);
    assert.deepEqual(
      summaries.map((e) => [e.tenantId, e.detail?.suppressed, e.detail?.statuses]),
      [
        ['t1', 3, { 403: 3 }],
        ['', 2, { 401: 2 }],
      ],
    );
    assert.deepEqual(summaries[0]?.detail?.users, [{ id: 'vic', count: 3 }]);
    assert.deepEqual(summaries[1]?.detail?.addresses, [{ id: '10.0.0.1', count: 2 }]);

    // a new window: the caller is recorded again
    log.record(viewer);
    await log.close();
    assert.equal(written.at(-1)?.detail?.reason, 'forbidden');
  });

  it('caps unknown callers from many addresses together, but never a signed-in caller', async () => {
    const { log, written } = audit();
    for (let i = 0; i < 50; i += 1) log.record(stranger(`10.1.0.${i}`));
    log.record(viewer);
    await log.close();
    const single = written.filter((e) => e.detail?.suppressed === undefined);
    assert.equal(single.filter((e) => e.tenantId === '').length, 3);
    assert.equal(single.filter((e) => e.userId === 'vic').length, 1);
    const summary = written.find((e) => e.detail?.suppressed !== undefined);
    assert.equal(summary?.detail?.suppressed, 47);
    assert.equal((summary?.detail?.addresses as unknown[]).length, 10, 'only the busiest addresses');
  });

  it('writes one entry after another, so a slow first write cannot land after the second', async () => {
    const events: string[] = [];
    const log = createRefusalAudit(async (entry) => {
      const who = String(entry.detail?.remoteAddress);
      events.push(`start ${who}`);
      await new Promise((resolve) => setTimeout(resolve, who === '10.0.0.1' ? 30 : 0));
      events.push(`end ${who}`);
    });
    log.record(stranger('10.0.0.1'));
    log.record(stranger('10.0.0.2'));
    await log.close();
    assert.deepEqual(events, ['start 10.0.0.1', 'end 10.0.0.1', 'start 10.0.0.2', 'end 10.0.0.2']);
  });

  it('keeps refusing quietly when the log cannot be written', async () => {
    const log = createRefusalAudit(() => Promise.reject(new Error('audit store down')));
    const error = console.error;
    const logged: unknown[] = [];
    console.error = (...args: unknown[]) => logged.push(args[0]);
    try {
      log.record(viewer);
      await log.close();
    } finally {
      console.error = error;
    }
    assert.deepEqual(logged, ['[mediabay] audit of a refused socket']);
  });
});

/** The roles of roles.test-helper, plus a host rule: `X-Tenant` must name the caller's tenant. */
function authenticateTenant(req: IncomingMessage) {
  const auth = authenticate(req);
  const asked = req.headers['x-tenant'];
  if (auth && asked !== undefined && asked !== auth.tenantId)
    throw new HttpError(403, 'tenant-mismatch', 'This library belongs to another tenant.');
  return auth;
}

const socketEntries = async (server: TestServer): Promise<AuditEntry[]> =>
  (await auditLog(server)).filter((e) => e.action === 'socket.refused');

describe('refused sockets on a real server', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer({
      authenticate: authenticateTenant,
      allowedOrigins: ['https://lms.example'],
    });
  });
  after(() => server.close());

  it('records a role without read, a foreign Origin, no credentials and a tenant mismatch once each', async () => {
    assert.equal(await refusedWith(server, as('nobody')), 403);
    assert.equal(await refusedWith(server, { ...as('alice'), Origin: 'https://evil.example' }), 403);
    const known = await waitFor(async () => {
      const entries = await socketEntries(server);
      return entries.length === 2 ? entries : undefined;
    });
    assert.deepEqual(
      known.map((e) => [e.tenantId, e.userId, e.detail?.status, e.detail?.reason, e.detail?.remoteAddress]),
      [
        ['t1', 'nobody', 403, 'forbidden', '127.0.0.1'],
        ['t1', 'alice', 403, 'cross-site-refused', '127.0.0.1'],
      ],
    );
    assert.equal(known[1]?.detail?.origin, 'https://evil.example');
    assert.equal(
      (await api(server, 'ada', 'GET', '/audit?action=socket.refused')).status,
      200,
      'the route filters by the new action',
    );

    assert.equal(await refusedWith(server, {}), 401);
    assert.equal(await refusedWith(server, { ...as('alice'), 'X-Tenant': 't2' }), 403);
    const unknown = await waitFor(async () => {
      const rows = await unknownCallerEntries(server);
      return rows.length === 2 ? rows : undefined;
    });
    assert.deepEqual(
      unknown.map((r) => [r.user_id, r.action, JSON.parse(r.detail ?? '{}')]),
      [
        ['', 'socket.refused', { status: 401, reason: 'unauthenticated', remoteAddress: '127.0.0.1' }],
        ['', 'socket.refused', { status: 403, reason: 'tenant-mismatch', remoteAddress: '127.0.0.1' }],
      ],
    );
  });

  it('records nothing for an accepted socket', async () => {
    const before = (await socketEntries(server)).length;
    const { ws } = await openEvents(server.wsUrl, { ...as('vic'), Origin: 'https://lms.example' });
    ws.close();
    assert.equal(await refusedWith(server, as('nobody')), 403); // a marker written after it
    await waitFor(async () => ((await socketEntries(server)).length > before ? true : undefined));
    assert.deepEqual(
      (await socketEntries(server)).slice(before).map((e) => e.userId),
      ['nobody'],
    );
  });
});

describe('a flood of refused sockets', () => {
  it('keeps five entries per caller in a window and one summary per tenant for the rest', async () => {
    const server = await startTestServer({ authenticate });
    try {
      const statuses = await Promise.all([
        ...Array.from({ length: 30 }, () => refusedWith(server, {})),
        ...Array.from({ length: 8 }, () => refusedWith(server, as('nobody'))),
      ]);
      assert.deepEqual(new Set(statuses), new Set([401, 403]), 'every upgrade still refused');
      await server.media.close(); // ends the window: the summaries are written before the database closes
      const rows = await unknownCallerEntries(server);
      const details = rows.map((r) => JSON.parse(r.detail ?? '{}') as Record<string, unknown>);
      assert.equal(details.filter((d) => d.status === 401).length, 5);
      assert.deepEqual(
        details.filter((d) => d.suppressed !== undefined).map((d) => [d.suppressed, d.statuses, d.addresses]),
        [[25, { 401: 25 }, [{ id: '127.0.0.1', count: 25 }]]],
      );
      const db = await openTestDatabase(server.dataDir);
      const tenant = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('tenant_id', '=', 't1')
        .orderBy('seq')
        .execute()
        .finally(() => db.destroy());
      assert.deepEqual(
        tenant.map((r) => [r.user_id, (JSON.parse(r.detail ?? '{}') as Record<string, unknown>).suppressed]),
        [...Array.from({ length: 5 }, () => ['nobody', undefined]), ['', 3]],
      );
    } finally {
      await server.close();
    }
  });
});
