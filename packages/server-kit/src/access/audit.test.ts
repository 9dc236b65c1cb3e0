// The audit trail on a real server: each action leaves exactly one entry with who, what and which
// file; an entry lands in the same transaction as its change (a failed change leaves none, a failed
// entry undoes the change); the log filters, pages and forgets entries past the retention.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AuditEntry, MediaFile } from '@mediabay/core/protocol';
import type { MediaDatabase } from '../db/database.js';
import { createSqliteDatabase } from '../db/sqlite.js';
import { newOperationId, tusUpload } from '../test-support/clients.test-helper.js';
import {
  api,
  as,
  auditLog,
  authenticate,
  createFile,
  createUpload,
} from '../test-support/roles.test-helper.js';
import { startTestServer, waitFor, type TestServer } from '../test-support/server.test-helper.js';

/** The real database, with a switch that makes audit writes (other than refusals) fail. */
function breakable(db: MediaDatabase, broken: { audit: boolean; tags: boolean }): MediaDatabase {
  return {
    ...db,
    transaction: (work) => db.transaction((tx) => work(breakable(tx, broken))),
    appendAudit: async (entry) => {
      if (broken.audit && entry.action !== 'access.denied') throw new Error('audit store down');
      return db.appendAudit(entry);
    },
    setTags: async (id, tags) => {
      if (broken.tags) throw new Error('tag store down');
      return db.setTags(id, tags);
    },
  };
}

describe('audit trail', () => {
  let server: TestServer;
  let dir: string;
  let raw: MediaDatabase;
  const broken = { audit: false, tags: false };

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-audit-'));
    raw = await createSqliteDatabase(path.join(dir, 'db.sqlite'));
    server = await startTestServer({
      dataDir: dir,
      authenticate,
      database: breakable(raw, broken),
      limits: { allowedTypes: ['text/*', 'video/*'], rateLimit: { max: 0, windowMs: 1000 } },
    });
  });
  after(async () => {
    await server.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** Runs `act` and returns the entries it added. */
  async function added(act: () => Promise<unknown>): Promise<AuditEntry[]> {
    const before = (await auditLog(server)).length;
    await act();
    return (await auditLog(server)).slice(before);
  }
  const brief = (entries: AuditEntry[]) => entries.map((e) => [e.action, e.userId, e.fileId]);

  it('records a tus upload as upload.created then upload.completed, with its operation id', async () => {
    const operationId = newOperationId();
    let fileId: string | null = null;
    const entries = await added(async () => {
      ({ fileId } = await tusUpload(
        `${server.url}/api/media/uploads`,
        Buffer.from('plain words'),
        { name: 'words.txt', type: 'text/plain', operationId },
        { headers: as('alice') },
      ));
    });
    assert.deepEqual(brief(entries), [
      ['upload.created', 'alice', null],
      ['upload.completed', 'alice', fileId],
    ]);
    assert.ok(entries.every((e) => e.operationId === operationId));
    assert.equal(entries[1]?.detail?.name, 'words.txt');
  });

  it('records a multipart upload, a refused type and a failed processing job', async () => {
    let file: MediaFile | undefined;
    assert.deepEqual(
      brief(await added(async () => (file = await createFile(server, 'erin', 'm.txt')))).map((e) => e[0]),
      ['upload.created', 'upload.completed'],
    );
    assert.ok(file);

    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const refused = await added(async () => {
      const form = new FormData();
      form.set('operationId', newOperationId());
      form.set('file', new Blob([png], { type: 'image/png' }), 'pic.png');
      const res = await fetch(`${server.url}/api/media/upload`, {
        method: 'POST',
        headers: as('erin'),
        body: form,
      });
      assert.equal(res.status, 415);
    });
    assert.deepEqual(brief(refused), [['upload.failed', 'erin', null]]);
    assert.equal(refused[0]?.detail?.reason, 'unsupported-type');

    // an MP4 header with nothing behind it: sniffed as video, unreadable for ffprobe
    const broken = Buffer.concat([Buffer.from('0000001866747970697336d6', 'hex'), Buffer.alloc(64)]);
    broken.write('ftypisom', 4);
    let id: string | null = null;
    const failed = await added(async () => {
      ({ fileId: id } = await tusUpload(
        `${server.url}/api/media/uploads`,
        broken,
        { name: 'bad.mp4', type: 'video/mp4', operationId: newOperationId() },
        { headers: as('alice') },
      ));
      await waitFor(async () => {
        const f = (await api(server, 'alice', 'GET', `/${id}`)).body as MediaFile;
        return f.status === 'error' ? f : undefined;
      });
    });
    assert.deepEqual(
      brief(failed).map((e) => e[0]),
      ['upload.created', 'upload.completed', 'upload.failed'],
    );
    assert.equal(failed[2]?.fileId, id);
    assert.equal(failed[2]?.detail?.reason, 'processing');
  });

  it('records renames, tag changes, usages and deletes once each, and nothing for no-ops', async () => {
    const file = await createFile(server, 'alice', 'x.txt');
    const other = await createFile(server, 'alice', 'y.txt');
    const one = async (act: () => Promise<unknown>) => brief(await added(act));

    assert.deepEqual(await one(() => api(server, 'alice', 'PATCH', `/${file.id}`, { name: 'x2.txt' })), [
      ['file.updated', 'alice', file.id],
    ]);
    assert.deepEqual(await one(() => api(server, 'alice', 'PATCH', `/${file.id}`, { tags: ['Intro'] })), [
      ['file.tagged', 'alice', file.id],
    ]);
    assert.deepEqual(await one(() => api(server, 'alice', 'PATCH', `/${file.id}`, { tags: ['intro '] })), []);
    const bulk = await added(() =>
      api(server, 'alice', 'POST', '/bulk-tag', { fileIds: [file.id, other.id], add: ['intro'] }),
    );
    assert.deepEqual(brief(bulk), [['file.tagged', 'alice', other.id]], 'only the file that changed');
    assert.deepEqual(bulk[0]?.detail, { added: ['intro'], removed: [] });

    const usage = { courseId: 'c1', lessonId: 'l1' };
    assert.deepEqual(await one(() => api(server, 'erin', 'PUT', `/${file.id}/usages`, usage)), [
      ['usage.added', 'erin', file.id],
    ]);
    assert.deepEqual(await one(() => api(server, 'erin', 'PUT', `/${file.id}/usages`, usage)), []);
    assert.deepEqual(await one(() => api(server, 'erin', 'DELETE', `/${file.id}/usages`, usage)), [
      ['usage.removed', 'erin', file.id],
    ]);
    assert.deepEqual(await one(() => api(server, 'erin', 'DELETE', `/${file.id}`)), [
      ['access.denied', 'erin', file.id],
    ]);
    const deleted = await added(() =>
      api(server, 'ada', 'POST', '/bulk-delete', { fileIds: [file.id, other.id] }),
    );
    assert.deepEqual(brief(deleted), [
      ['file.trashed', 'ada', file.id],
      ['file.trashed', 'ada', other.id],
    ]);
    assert.equal(deleted[0]?.detail?.name, 'x2.txt');
  });

  it('keeps a change and its entry together: a failed entry undoes the change, a failed change leaves no entry', async () => {
    const file = await createFile(server, 'alice', 'keep.txt');
    await api(server, 'alice', 'PUT', `/${file.id}/usages`, { courseId: 'c1' });
    const before = (await auditLog(server)).length;
    broken.audit = true;
    try {
      assert.equal((await api(server, 'alice', 'PATCH', `/${file.id}`, { name: 'lost.txt' })).status, 500);
      assert.equal((await api(server, 'alice', 'PATCH', `/${file.id}`, { tags: ['lost'] })).status, 500);
      assert.equal(
        (await api(server, 'alice', 'DELETE', `/${file.id}/usages`, { courseId: 'c1' })).status,
        500,
      );
      assert.equal((await api(server, 'ada', 'DELETE', `/${file.id}?force=true`)).status, 500);
    } finally {
      broken.audit = false;
    }
    const still = (await api(server, 'alice', 'GET', `/${file.id}`)).body as MediaFile;
    assert.deepEqual([still.name, still.tags, still.usages], ['keep.txt', [], [{ courseId: 'c1' }]]);

    broken.tags = true;
    try {
      assert.equal(
        (await api(server, 'alice', 'PATCH', `/${file.id}`, { name: 'n.txt', tags: ['t'] })).status,
        500,
      );
    } finally {
      broken.tags = false;
    }
    assert.equal(((await api(server, 'alice', 'GET', `/${file.id}`)).body as MediaFile).name, 'keep.txt');
    assert.equal((await auditLog(server)).length, before, 'no entry for any of them');
  });

  it('filters by file, user, action and time, and pages newest first', async () => {
    const file = await createFile(server, 'erin', 'f.txt');
    const start = new Date().toISOString();
    for (const tag of ['a', 'b', 'c']) await api(server, 'erin', 'PATCH', `/${file.id}`, { tags: [tag] });
    const query = async (q: string) =>
      (await api(server, 'ada', 'GET', `/audit?${q}`)).body as {
        items: AuditEntry[];
        nextCursor: string | null;
      };

    const byFile = await query(`fileId=${file.id}`);
    assert.deepEqual(
      byFile.items.map((e) => e.action),
      ['file.tagged', 'file.tagged', 'file.tagged', 'upload.completed'],
    );
    const page1 = await query(`fileId=${file.id}&action=file.tagged&limit=2`);
    assert.deepEqual(
      page1.items.map((e) => e.detail?.added),
      [['c'], ['b']],
    );
    assert.ok(page1.nextCursor);
    const page2 = await query(`fileId=${file.id}&action=file.tagged&limit=2&cursor=${page1.nextCursor}`);
    assert.deepEqual(
      page2.items.map((e) => e.detail?.added),
      [['a']],
    );
    assert.equal(page2.nextCursor, null);
    assert.ok(
      (await query(`userId=erin&since=${start}`)).items.every((e) => e.userId === 'erin' && e.at >= start),
    );
    assert.equal((await query(`fileId=${file.id}&until=${start}`)).items.length, 1, 'only the upload');

    for (const bad of [
      'action=file.burned',
      'since=yesterday',
      'fileId=../x',
      'limit=0',
      'cursor=%%',
      'who=me',
    ]) {
      assert.equal((await api(server, 'ada', 'GET', `/audit?${bad}`)).status, 400, bad);
    }
  });
});

describe('audit of expired uploads', () => {
  it('records an upload that expired unfinished as upload.failed', async () => {
    const server = await startTestServer({ authenticate, limits: { uploadExpiryMs: 200 } });
    try {
      const { operationId } = await createUpload(server, 'alice');
      const failed = await waitFor(async () =>
        (await auditLog(server)).find((e) => e.action === 'upload.failed'),
      );
      assert.deepEqual(
        [failed.userId, failed.operationId, failed.detail?.reason],
        ['alice', operationId, 'expired'],
      );
      assert.deepEqual(
        (await auditLog(server)).map((e) => e.action),
        ['upload.created', 'upload.failed'],
      );
    } finally {
      await server.close();
    }
  });
});

describe('audit retention', () => {
  it('removes entries older than the retention in the periodic sweep, and keeps the rest', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-retention-'));
    const db = await createSqliteDatabase(path.join(dir, 'db.sqlite'));
    await db.appendAudit({
      tenantId: 't1',
      userId: 'old',
      action: 'file.updated',
      at: '2020-01-01T00:00:00.000Z',
    });
    const server = await startTestServer({
      dataDir: dir,
      authenticate,
      database: db,
      audit: { retentionMs: 60_000 },
      limits: { uploadExpiryMs: 200 }, // the sweep runs every 50 ms
    });
    try {
      await createFile(server, 'alice');
      await waitFor(async () =>
        (await auditLog(server)).some((e) => e.userId === 'old') ? undefined : true,
      );
      assert.deepEqual(
        (await auditLog(server)).map((e) => e.action),
        ['upload.created', 'upload.completed'],
      );
    } finally {
      await server.close();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
