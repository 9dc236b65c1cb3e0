// The role, usage and audit rules on PostgreSQL through a real server: the same routes, the same
// answers, and the audit entries in the change's transaction (skipped where PostgreSQL is absent).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ErrorBody, MediaFile } from '@mediabay/core/protocol';
import { startPostgres, type TestPostgres } from '../test-support/postgres.test-helper.js';
import { api, auditLog, authenticate, createFile } from '../test-support/roles.test-helper.js';
import { freshPostgres, testServices } from '../test-support/services.test-helper.js';
import { startTestServer, type TestServer } from '../test-support/server.test-helper.js';

describe('roles, usages and audit on PostgreSQL', () => {
  let postgres: TestPostgres | undefined;
  let drop: (() => Promise<void>) | undefined;
  let server: TestServer | undefined;

  before(async () => {
    let url: string | undefined;
    if (testServices.postgres) {
      const fresh = await freshPostgres();
      drop = fresh.drop;
      url = fresh.url;
    } else {
      postgres = await startPostgres();
      url = postgres?.connectionString;
    }
    if (url) server = await startTestServer({ authenticate, database: url });
  });
  after(async () => {
    await server?.close();
    await postgres?.stop();
    await drop?.();
  });

  it('guards deletes, tags in bulk and audits each change once', async (t) => {
    if (!server) return t.skip('no PostgreSQL on this machine');
    const s = server;
    const file = await createFile(s, 'alice', 'pg.txt');
    const other = await createFile(s, 'erin', 'pg2.txt');
    assert.equal(
      (await api(s, 'alice', 'PUT', `/${file.id}/usages`, { courseId: 'c1', lessonId: 'l1' })).status,
      200,
    );
    const inUse = await api(s, 'alice', 'DELETE', `/${file.id}`);
    assert.equal(inUse.status, 409);
    assert.deepEqual((inUse.body as ErrorBody).error.usages, [{ courseId: 'c1', lessonId: 'l1' }]);
    const refused = await api(s, 'alice', 'POST', '/bulk-tag', { fileIds: [file.id, other.id], add: ['x'] });
    assert.equal(refused.status, 403);
    assert.equal(
      (await api(s, 'ada', 'POST', '/bulk-tag', { fileIds: [file.id, other.id], add: ['x'] })).status,
      200,
    );
    assert.deepEqual(((await api(s, 'vic', 'GET', `/${other.id}`)).body as MediaFile).tags, ['x']);
    assert.equal((await api(s, 'ada', 'DELETE', `/${file.id}?force=true`)).status, 204);
    assert.deepEqual(
      (await auditLog(s)).map((e) => [e.action, e.userId]),
      [
        ['upload.created', 'alice'],
        ['upload.completed', 'alice'],
        ['upload.created', 'erin'],
        ['upload.completed', 'erin'],
        ['usage.added', 'alice'],
        ['access.denied', 'alice'],
        ['file.tagged', 'ada'],
        ['file.tagged', 'ada'],
        ['file.trashed', 'ada'],
      ],
    );
  });
});
