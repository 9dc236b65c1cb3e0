import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { MediaApiError, type JsonFetcher } from '../http.js';
import type { OperationStatus } from '../protocol.js';
import { createPoller } from './poller.js';

/** a server's answers: `ready` for the ids in `known`; `many: false` is a server without the bulk read */
function fakeServer(options: { known?: Set<string>; many?: boolean } = {}) {
  const paths: string[] = [];
  let away = false;
  const status = (id: string): OperationStatus => ({
    operationId: id,
    status: 'ready',
    progress: 100,
    fileId: `f-${id}`,
  });
  const fetcher = (async (path: string) => {
    paths.push(path);
    if (away) throw new MediaApiError(0, 'network-error', 'down');
    const many = /^\/operations\?ids=(.*)$/.exec(path);
    if (many) {
      if (options.many === false) throw new MediaApiError(400, 'invalid-id', 'That is not a file id.');
      const ids = many[1]!.split(',').map(decodeURIComponent);
      return { items: ids.filter((id) => options.known?.has(id)).map(status) };
    }
    const id = decodeURIComponent(path.split('/').pop()!);
    if (options.known?.has(id)) return status(id);
    throw new MediaApiError(404, 'not-found', 'not yet');
  }) as JsonFetcher;
  return {
    fetcher,
    paths,
    setAway: (value: boolean) => (away = value),
    /** the ids each request asked about */
    asked: () => paths.map((path) => (path.match(/ids=(.*)$/)?.[1] ?? path.split('/').pop()!).split(',')),
  };
}

test('a long list is asked about in one read per tick, in turns, and a poll without an answer is reported', async () => {
  const server = fakeServer();
  const ids = Array.from({ length: 25 }, (_, i) => `op${i}`);
  let unreachable = 0;
  const poller = createPoller({
    fetcher: server.fetcher,
    ids: () => ids,
    onStatus: () => {},
    interval: 5,
    perTick: 10,
    onUnreachable: () => unreachable++,
  });
  poller.start();
  await sleep(60);
  poller.stop();
  const reads = server.asked();
  assert.ok(reads.length >= 3);
  assert.ok(
    reads.every((read) => read.length <= 10),
    'at most perTick per read',
  );
  assert.equal(new Set(reads.slice(0, 3).flat()).size, 25, 'every operation within three ticks');
  assert.equal(unreachable, 0, 'an empty answer is an answer');
  server.setAway(true);
  poller.start();
  await sleep(30);
  poller.stop();
  assert.ok(unreachable > 0);
});

test('the sweep asks about every id at once, 100 per request, and hands on what the server knows', async () => {
  const ids = Array.from({ length: 250 }, (_, i) => `op${i}`);
  const server = fakeServer({ known: new Set(['op3', 'op120', 'op249']) });
  const seen: string[] = [];
  const poller = createPoller({
    fetcher: server.fetcher,
    ids: () => [],
    onStatus: (status) => seen.push(status.operationId),
  });
  await poller.sweep(ids);
  assert.deepEqual(
    server.asked().map((read) => read.length),
    [100, 100, 50],
  );
  assert.deepEqual(seen, ['op3', 'op120', 'op249']);
  assert.equal(poller.running, false, 'a sweep does not start the polling');
});

test('a server without the bulk read is asked one operation at a time from then on', async () => {
  const server = fakeServer({ known: new Set(['b']), many: false });
  const seen: string[] = [];
  const poller = createPoller({
    fetcher: server.fetcher,
    ids: () => [],
    onStatus: (status) => seen.push(status.operationId),
  });
  await poller.sweep(['a', 'b']);
  await poller.sweep(['c']);
  assert.deepEqual(server.paths, ['/operations?ids=a,b', '/operations/a', '/operations/b', '/operations/c']);
  assert.deepEqual(seen, ['b']);
});
