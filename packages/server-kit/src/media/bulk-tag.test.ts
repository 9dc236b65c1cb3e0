// `POST /bulk-tag`: tags added and removed on a selection, normalised like single edits, all or
// nothing, one `media-updated` per changed file.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BulkTagResponse, ErrorBody, MediaFile, ServerEvent } from '@mediabay/core/protocol';
import { openEvents } from '../test-support/clients.test-helper.js';
import { api, as, authenticate, createFile } from '../test-support/roles.test-helper.js';
import { startTestServer, waitFor, type TestServer } from '../test-support/server.test-helper.js';

describe('bulk tag', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ authenticate });
  });
  after(() => server.close());

  const tagsOf = async (id: string) => ((await api(server, 'ada', 'GET', `/${id}`)).body as MediaFile).tags;

  it('adds and removes tags, trimmed and case-insensitively unique, and reports the changed files', async () => {
    const a = await createFile(server, 'alice', 'a.txt');
    const b = await createFile(server, 'alice', 'b.txt');
    await api(server, 'alice', 'PATCH', `/${a.id}`, { tags: ['old', 'keep'] });
    const { ws, events } = await openEvents(server.wsUrl, as('alice'));
    try {
      const res = await api(server, 'alice', 'POST', '/bulk-tag', {
        fileIds: [a.id, b.id],
        add: [' Intro ', 'INTRO', 'week  1'],
        remove: ['OLD'],
      });
      assert.equal(res.status, 200);
      const body = res.body as BulkTagResponse;
      assert.equal(body.updatedCount, 2);
      assert.deepEqual(await tagsOf(a.id), ['intro', 'keep', 'week 1']);
      assert.deepEqual(await tagsOf(b.id), ['intro', 'week 1']);
      assert.deepEqual(
        body.files.map((f) => f.tags),
        [
          ['intro', 'keep', 'week 1'],
          ['intro', 'week 1'],
        ],
      );
      const updated = await waitFor(() => {
        const seen = events.filter((e: ServerEvent) => e.type === 'media-updated');
        return seen.length >= 2 ? seen : undefined;
      });
      assert.equal(updated.length, 2);

      const again = await api(server, 'alice', 'POST', '/bulk-tag', {
        fileIds: [a.id, b.id],
        add: ['intro'],
      });
      assert.equal((again.body as BulkTagResponse).updatedCount, 0, 'nothing changed, nothing reported');
    } finally {
      ws.close();
    }
  });

  it('refuses bad input and a file that would pass the tag limit, changing no file', async () => {
    const a = await createFile(server, 'alice', 'c.txt');
    const full = await createFile(server, 'alice', 'd.txt');
    await api(server, 'alice', 'PATCH', `/${full.id}`, {
      tags: Array.from({ length: 32 }, (_, i) => `t${i}`),
    });
    const bad: unknown[] = [
      { fileIds: [a.id] },
      { fileIds: [a.id], add: [] },
      { fileIds: [a.id], add: ['x'], remove: ['X'] },
      { fileIds: [a.id], add: ['x'.repeat(65)] },
      { fileIds: [], add: ['x'] },
      { fileIds: ['../etc'], add: ['x'] },
      { fileIds: [a.id], add: ['x'], extra: 1 },
    ];
    for (const body of bad) {
      assert.equal((await api(server, 'alice', 'POST', '/bulk-tag', body)).status, 400, JSON.stringify(body));
    }
    const over = await api(server, 'alice', 'POST', '/bulk-tag', {
      fileIds: [a.id, full.id],
      add: ['one-more'],
    });
    assert.equal(over.status, 400);
    assert.equal((over.body as ErrorBody).error.code, 'too-many-tags');
    assert.deepEqual(await tagsOf(a.id), [], 'all or nothing');
  });

  it("refuses an editor's selection with a colleague's file as a whole", async () => {
    const mine = await createFile(server, 'alice', 'mine.txt');
    const theirs = await createFile(server, 'erin', 'theirs.txt');
    const res = await api(server, 'alice', 'POST', '/bulk-tag', {
      fileIds: [mine.id, theirs.id],
      add: ['x'],
    });
    assert.equal(res.status, 403);
    assert.deepEqual((res.body as ErrorBody).error.fileIds, [theirs.id]);
    assert.deepEqual(await tagsOf(mine.id), []);
    const admin = await api(server, 'ada', 'POST', '/bulk-tag', {
      fileIds: [mine.id, theirs.id],
      add: ['x'],
    });
    assert.equal((admin.body as BulkTagResponse).updatedCount, 2);
  });
});
