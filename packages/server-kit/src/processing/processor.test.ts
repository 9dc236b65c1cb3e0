// The processor with a real database, storage and ffprobe on the in-process queue: each file's job
// runs once, files left in processing are queued again, a run that lost its job leaves the result to
// whoever took it over, and close() cuts a job short without failing its file.
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
import { createMediaUrls } from '../media/signed-urls.js';
import { createFileStorage } from '../storage/file-storage.js';
import type { MediaStorage } from '../storage/storage.js';
import { makeMedia } from '../test-support/clients.test-helper.js';
import { waitFor } from '../test-support/server.test-helper.js';
import type { JobQueue } from './job-queue.js';
import { createLocalQueue } from './local-queue.js';
import { createMediaServer } from '../media-server.js';
import { createMediaWorker } from '../worker.js';
import { createProcessor } from './processor.js';

describe('processor', () => {
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

  const deps = (bus = createLocalBus(), files = storage) => ({
    db,
    storage: files,
    bus,
    urls: createMediaUrls('/api/media', 'a test secret of at least 32 bytes!'),
    concurrency: 1,
    timeoutMs: 10_000,
  });

  it('runs a queued file once, and recover() queues again only files left in processing', async () => {
    const id = 'a'.repeat(32);
    await imageRow(id);
    const bus = createLocalBus();
    const events: ServerEvent[] = [];
    bus.subscribe((_t, e) => events.push(e));
    const processor = createProcessor(deps(bus), createLocalQueue(1));
    processor.enqueue(id, 't');
    processor.enqueue(id, 't'); // already queued: once
    const ready = await waitFor(async () => {
      const row = await db.getMediaById(id);
      return row?.status === 'ready' ? row : undefined;
    }, 5000);
    assert.deepEqual([ready.width, ready.height], [640, 360]);
    const left = 'c'.repeat(32);
    await imageRow(left); // as if a restart left it in processing with no job
    assert.equal(await processor.recover(), 1);
    await waitFor(async () => ((await db.getMediaById(left))?.status === 'ready' ? true : undefined), 5000);
    await processor.idle();
    const done = events.filter((e) => e.type === 'media-processing-progress' && e.data.stage === 'done');
    assert.deepEqual(
      done.map((e) => 'fileId' in e && e.fileId),
      [id, left],
    );
    await processor.close();
  });

  it('drops its result when its job was taken over while it stalled', async () => {
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
    // the job expired while this run stalled: the queue says it is no longer this run's
    let held = true;
    const local = createLocalQueue(1);
    const queue: JobQueue = {
      ...local,
      start: (run) => local.start((r) => run({ ...r, stillHeld: async () => held })),
    };
    const processor = createProcessor(deps(bus, slow), queue);
    processor.enqueue(id, 't');
    await waitFor(async () =>
      events.some((e) => e.type === 'media-processing-progress') ? true : undefined,
    );
    held = false;
    stalled();
    await processor.idle();
    await processor.close();
    const row = await db.getMediaById(id);
    assert.equal(row?.status, 'processing', 'left to the run that took the job over');
    assert.equal(row?.width, null);
    assert.ok(!events.some((e) => e.type === 'media-updated'));
    assert.ok(!events.some((e) => e.type === 'media-processing-progress' && e.data.stage === 'done'));
  });

  it('close() cuts a running job short and leaves its file in processing for the next start', async () => {
    const id = 'd'.repeat(32);
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
    const processor = createProcessor(deps(bus, slow), createLocalQueue(1));
    processor.enqueue(id, 't');
    await waitFor(() => (events.length > 0 ? true : undefined));
    const original = console.error;
    console.error = () => undefined; // the cut job is reported as failed (to be run again)
    try {
      const closed = processor.close();
      stalled(); // the download ends after close(): its ffprobe is refused, the job is cut short
      await closed;
    } finally {
      console.error = original;
    }
    const row = await db.getMediaById(id);
    assert.deepEqual([row?.status, row?.error, row?.width], ['processing', null, null]);
    assert.ok(!events.some((e) => e.type === 'media-updated'));
  });
});

describe('processing apart from the server', () => {
  it('refuses to hand jobs to workers, or to run a worker, without the shared PostgreSQL', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-workers-'));
    try {
      const media = createMediaServer({ dataDir, processing: 'workers' });
      await assert.rejects(media.ready(), /needs the shared PostgreSQL/);
      await media.close();
      assert.throws(() => createMediaWorker({ dataDir }), /needs the shared database/);
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
