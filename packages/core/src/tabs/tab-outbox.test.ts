import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { uploadItem } from '../test-support/upload-item.js';
import type { UploadStatus } from '../types.js';
import { createSliceQueue } from '../uploads/slices.js';
import { createTabOutbox } from './tab-outbox.js';

const item = (id: string, status: UploadStatus) => uploadItem(id, { status });

test('`sent` follows the messages of each flush, behind them when they wait in the queue', async () => {
  const queue = createSliceQueue();
  const log: string[] = [];
  const outbox = createTabOutbox({
    queue,
    mayAnnounce: () => true,
    send: (items) => log.push(`send ${items.map((i) => i.operationId).join(',')}`),
    maxPerMessage: 2,
    sent: () => log.push('sent'),
  });
  outbox.set(item('a', 'ready'));
  outbox.flush();
  assert.deepEqual(log, ['send a', 'sent'], 'nothing queued: at once');
  log.length = 0;
  for (const id of ['b', 'c', 'd']) outbox.set(item(id, 'ready'));
  outbox.flush();
  assert.deepEqual(log, [], 'three items: two messages, in slices');
  while (queue.size > 0) await sleep(1);
  assert.deepEqual(log, ['send b,c', 'send d', 'sent']);
  outbox.close();
});
