// The processor's leases with a real database, storage and ffprobe: a job runs only under its lease,
// and a holder that lost its lease while stalled leaves the result to the instance that took over.
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ServerEvent } from '@mediabay/core/protocol';
import { createLocalBus } from '../bus/event-bus.js';
import type { MediaDatabase } from '../db/database.js';
import { createSqliteDatabase } from '../db/sqlite.js';
import { createFileStorage } from '../storage/file-storage.js';
import type { MediaStorage } from '../storage/storage.js';
import { makeMedia } from '../test-support/clients.test-helper.js';
import { waitFor } from '../test-support/server.test-helper.js';
import { createProcessor } from './processor.js';

describe('processor leases', () => {
  let dir: string;
  let db: MediaDatabase;
  let storage: MediaStorage;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-processor-'));
    db = await createSqliteDatabase(path.join(dir, 'db.sqlite'));
    storage = createFileStorage({ directory: path.join(dir, 'files'), expiryMs: 60_000 });
  });
  after(async () => {
    await db.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function imageRow(id: string): Promise<void> {
    const png = await makeMedia('still.png');
    const size = await storage.write(`media/${id}`, createReadStream(png));
    const now = new Date().toISOString();
    await db.insertMedia({
      id,
      tenantId: 't',
      ownerId: 'u',
      name: `${id}.png`,
      type: 'image',
      mimeType: 'image/png',
      size,
      status: 'processing',
      createdAt: now,
      updatedAt: now,
      storageKey: `media/${id}`,
      operationId: `op-${id}`,
    });
  }

  it('skips a job whose lease another instance holds, and runs it once the lease is free', async () => {
    const id = 'a'.repeat(32);
    await imageRow(id);
    assert.ok(await db.claimProcessing(id, 'other', Date.now() + 300, Date.now()));
    const bus = createLocalBus();
    const events: ServerEvent[] = [];
    bus.subscribe((_t, e) => events.push(e));
    const processor = createProcessor(
      { db, storage, bus, basePath: '/api/media', concurrency: 1, timeoutMs: 10_000 },
      { instanceId: 'me', leaseMs: 300, sweepMs: 50 },
    );
    processor.enqueue(id);
    await processor.idle();
    assert.equal((await db.getMediaById(id))?.status, 'processing', 'not ours to run');
    assert.equal(events.length, 0);
    const ready = await waitFor(async () => {
      const row = await db.getMediaById(id);
      return row?.status === 'ready' ? row : undefined;
    }, 5000);
    assert.deepEqual([ready.width, ready.height], [640, 360]);
    await processor.close();
  });

  it('drops its result when it stalled past its lease and another instance took the job over', async () => {
    const id = 'b'.repeat(32);
    await imageRow(id);
    let stalled!: () => void;
    const stall = new Promise<void>((resolve) => (stalled = resolve));
    const slow: MediaStorage = {
      ...storage,
      async localCopy(key) {
        await stall;
        return storage.localCopy(key);
      },
    };
    const bus = createLocalBus();
    const events: ServerEvent[] = [];
    bus.subscribe((_t, e) => events.push(e));
    const processor = createProcessor(
      { db, storage: slow, bus, basePath: '/api/media', concurrency: 1, timeoutMs: 10_000 },
      { instanceId: 'me', leaseMs: 60_000, sweepMs: 0 },
    );
    processor.enqueue(id);
    await waitFor(async () =>
      events.some((e) => e.type === 'media-processing-progress') ? true : undefined,
    );
    // as if this process froze past its lease: another instance claimed the job in the meantime
    assert.ok(await db.claimProcessing(id, 'other', Date.now() + 60_000, Number.MAX_SAFE_INTEGER));
    stalled();
    await processor.idle();
    await processor.close();
    const row = await db.getMediaById(id);
    assert.equal(row?.status, 'processing', 'left to the new holder');
    assert.equal(row?.width, null);
    assert.ok(!events.some((e) => e.type === 'media-updated'));
    assert.ok(!events.some((e) => e.type === 'media-processing-progress' && e.data.stage === 'done'));
  });
});
