// The signing key when none is configured: generated once and kept in the database, so two instances
// sharing PostgreSQL (and one SQLite server across a restart) accept each other's signed URLs.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createMediaServer } from '../media-server.js';
import { authenticate, createFile } from '../test-support/roles.test-helper.js';
import { startTestServer, type TestServer } from '../test-support/server.test-helper.js';
import { freshPostgres, missingServices } from '../test-support/services.test-helper.js';

describe('signed URLs across instances', { skip: missingServices('postgres') }, () => {
  let database: { url: string; drop(): Promise<void> };
  let a: TestServer;
  let b: TestServer;
  let dataDir: string;
  before(async () => {
    database = await freshPostgres();
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-signed-')); // one disk for both
    a = await startTestServer({ authenticate, database: database.url, dataDir });
    b = await startTestServer({ authenticate, database: database.url, dataDir });
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('serves on B, without credentials, a URL signed by A, and the other way round', async () => {
    const fromA = await createFile(a, 'alice', 'a.txt');
    const fromB = await createFile(b, 'erin', 'b.txt');
    const onB = await fetch(`${b.url}${fromA.contentUrl}`);
    assert.equal(onB.status, 200);
    assert.equal(await onB.text(), 'hello from alice');
    assert.equal((await fetch(`${a.url}${fromB.contentUrl}`)).status, 200);
    const tampered = fromA.contentUrl.replace(/sig=./, (s) => (s.endsWith('A') ? 'sig=B' : 'sig=A'));
    assert.equal((await fetch(`${b.url}${tampered}`)).status, 403);
  });
});

describe('the stored signing key', () => {
  it('survives a restart of a server on its own data directory', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-signed-'));
    try {
      const first = await startTestServer({ authenticate, dataDir });
      const file = await createFile(first, 'alice', 'kept.txt');
      await first.close();
      const second = await startTestServer({ authenticate, dataDir });
      try {
        assert.equal((await fetch(`${second.url}${file.contentUrl}`)).status, 200);
      } finally {
        await second.close();
      }
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a configured key shorter than 32 bytes without repeating it', () => {
    const secret = 'too short to sign';
    assert.throws(
      () => createMediaServer({ dataDir: os.tmpdir(), urlSigningSecret: secret }),
      (error: Error) =>
        error instanceof TypeError && /32 bytes/.test(error.message) && !error.message.includes(secret),
    );
  });
});
