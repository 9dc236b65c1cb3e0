import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { ListResponse, MediaFile, ServerEvent } from '@mediabay/core/protocol';
import { newOperationId, openEvents, tusUpload } from '../test-support/clients.test-helper.js';
import { startTestServer, waitFor, type TestServer } from '../test-support/server.test-helper.js';

describe('media write routes', () => {
  let server: TestServer;
  const upload = async (name: string): Promise<string> => {
    const { fileId } = await tusUpload(`${server.url}/api/media/uploads`, randomBytes(64), {
      name,
      type: 'text/plain',
      operationId: newOperationId(),
    });
    return fileId as string;
  };
  const send = (method: string, path: string, body?: unknown, type = 'application/json') =>
    fetch(`${server.url}/api/media${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': type },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  const errorCode = async (res: Response): Promise<string> =>
    ((await res.json()) as { error: { code: string } }).error.code;

  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('renames and tags a file, announcing the change', async () => {
    const id = await upload('draft.txt');
    const { ws, events } = await openEvents(server.wsUrl);
    const res = await send('PATCH', `/${id}`, {
      name: 'Final <b>notes</b>.txt',
      tags: ['Intro', ' intro ', 'week 1'],
    });
    assert.equal(res.status, 200);
    const file = (await res.json()) as MediaFile;
    assert.equal(file.name, 'Final <b>notes</b>.txt', 'names are stored as given');
    assert.deepEqual(file.tags, ['intro', 'week 1']);
    await waitFor(() => events.find((e) => e.type === 'media-updated'));
    ws.close();
    const listed = (await (await send('GET', '?tag=intro')).json()) as ListResponse;
    assert.deepEqual(
      listed.items.map((f) => f.id),
      [id],
    );
  });

  it('counts tags across the library', async () => {
    const a = await upload('a.txt');
    const b = await upload('b.txt');
    await send('PATCH', `/${a}`, { tags: ['shared', 'only-a'] });
    await send('PATCH', `/${b}`, { tags: ['shared'] });
    const { tags } = (await (await send('GET', '/tags')).json()) as {
      tags: { name: string; count: number }[];
    };
    assert.deepEqual(
      tags.filter((t) => ['shared', 'only-a'].includes(t.name)),
      [
        { name: 'only-a', count: 1 },
        { name: 'shared', count: 2 },
      ],
    );
  });

  const badPatches: [string, unknown, string, number, string?][] = [
    ['malformed JSON', '{"name":', 'invalid-json', 400],
    ['an unknown field', { name: 'x', ownerId: 'me' }, 'unknown-field', 400],
    ['an empty name', { name: '   ' }, 'invalid-field', 400],
    ['a name with a newline', { name: 'a\nb' }, 'invalid-field', 400],
    ['tags that are not strings', { tags: [1] }, 'invalid-field', 400],
    ['too many tags', { tags: Array.from({ length: 33 }, (_, i) => `t${i}`) }, 'invalid-field', 400],
    ['an array body', [], 'invalid-body', 400],
    ['a form body', 'name=x', 'unsupported-media-type', 415, 'application/x-www-form-urlencoded'],
    ['a huge body', { name: 'x'.repeat(70_000) }, 'body-too-large', 413],
  ];
  for (const [label, body, code, status, type] of badPatches) {
    it(`refuses a PATCH with ${label} (${status} ${code}) and changes nothing`, async () => {
      const id = await upload('keep.txt');
      const res = await send('PATCH', `/${id}`, body, type);
      assert.equal(res.status, status);
      assert.equal(await errorCode(res), code);
      const file = (await (await send('GET', `/${id}`)).json()) as MediaFile;
      assert.equal(file.name, 'keep.txt');
      assert.deepEqual(file.tags, []);
    });
  }

  it('purges one file: row, bytes and an event', async () => {
    const id = await upload('gone.txt');
    const { ws, events } = await openEvents(server.wsUrl);
    const res = await send('DELETE', `/${id}?permanent=true`);
    assert.equal(res.status, 204);
    assert.equal((await send('GET', `/${id}`)).status, 404);
    assert.equal((await send('GET', `/${id}/content`)).status, 404);
    const deleted = await waitFor(() =>
      events.find((e): e is Extract<ServerEvent, { type: 'media-deleted' }> => e.type === 'media-deleted'),
    );
    ws.close();
    assert.deepEqual(deleted.fileIds, [id]);
    const left = await fs.readdir(`${server.dataDir}/files/uploads`);
    assert.equal(
      left.filter((f) => !f.endsWith('.json')).length,
      (await listAll()).length,
      'no orphaned bytes',
    );
    assert.equal((await send('DELETE', `/${id}?permanent=true`)).status, 404);
  });

  const listAll = async (): Promise<MediaFile[]> =>
    ((await (await send('GET', '?limit=200')).json()) as ListResponse).items;

  it('bulk-deletes the files it is given and counts only those that existed', async () => {
    const ids = [await upload('x1.txt'), await upload('x2.txt')];
    const keep = await upload('x3.txt');
    const res = await send('POST', '/bulk-delete', {
      fileIds: [...ids, '0'.repeat(32)],
      operationId: newOperationId(),
    });
    assert.deepEqual(await res.json(), { success: true, deletedCount: 2 });
    const remaining = (await listAll()).map((f) => f.id);
    assert.ok(remaining.includes(keep));
    assert.ok(!ids.some((id) => remaining.includes(id)));
  });

  for (const [label, body] of [
    ['no ids', { fileIds: [] }],
    ['a traversal id', { fileIds: ['../../mediabay.sqlite'] }],
    ['too many ids', { fileIds: Array.from({ length: 501 }, () => '0'.repeat(32)) }],
    ['a bad operation id', { fileIds: ['0'.repeat(32)], operationId: 'not an id' }],
  ] as const) {
    it(`refuses a bulk delete with ${label}`, async () => {
      assert.equal((await send('POST', '/bulk-delete', body)).status, 400);
    });
  }

  it('adds, lists, filters by and removes usages', async () => {
    const id = await upload('lesson.txt');
    assert.deepEqual(await (await send('PUT', `/${id}/usages`, { courseId: 'c1', lessonId: 'l1' })).json(), {
      usages: [{ courseId: 'c1', lessonId: 'l1' }],
    });
    await send('PUT', `/${id}/usages`, { courseId: 'c1', lessonId: 'l1' }); // idempotent
    await send('PUT', `/${id}/usages`, { courseId: 'c2' });
    assert.deepEqual(await (await send('GET', `/${id}/usages`)).json(), {
      usages: [{ courseId: 'c1', lessonId: 'l1' }, { courseId: 'c2' }],
    });
    const inCourse = (await (await send('GET', '?courseId=c2')).json()) as ListResponse;
    assert.deepEqual(
      inCourse.items.map((f) => f.id),
      [id],
    );
    assert.equal((await send('DELETE', `/${id}/usages`, { courseId: 'c2' })).status, 200);
    assert.equal((await send('DELETE', `/${id}/usages`, { courseId: 'c2' })).status, 404);
    assert.equal((await send('PUT', `/${id}/usages`, { courseId: '<script>' })).status, 400);
    assert.equal((await send('PUT', `/${id}/usages`, { courseId: 'c', extra: 1 })).status, 400);
  });
});
