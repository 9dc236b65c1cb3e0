import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { MediaApiError, type JsonFetcher } from '../http.js';
import { createPoller } from './poller.js';

test('a long list is asked about a few at a time, in turns, and a poll without an answer is reported', async () => {
  const asked: string[] = [];
  let away = false;
  const fetcher = (async (path: string) => {
    asked.push(path.split('/').pop()!);
    if (away) throw new MediaApiError(0, 'network-error', 'down');
    throw new MediaApiError(404, 'not-found', 'not yet');
  }) as JsonFetcher;
  const ids = Array.from({ length: 25 }, (_, i) => `op${i}`);
  let unreachable = 0;
  const poller = createPoller({
    fetcher,
    ids: () => ids,
    onStatus: () => {},
    interval: 5,
    perTick: 10,
    onUnreachable: () => unreachable++,
  });
  poller.start();
  await sleep(60);
  poller.stop();
  const firstRound = asked.slice(0, 30);
  assert.equal(new Set(firstRound).size, 25, 'every operation within three ticks');
  assert.equal(unreachable, 0, 'a 404 is an answer');
  away = true;
  poller.start();
  await sleep(30);
  poller.stop();
  assert.ok(unreachable > 0);
});
