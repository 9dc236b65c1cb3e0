import { expect } from '@open-wc/testing';
import { createMediaClient } from './client.js';
import { waitFor } from './test-support/browser.js';
import { SMALL_FILE_SHARE } from './uploads/uploader.js';
import {
  clearFault,
  faultyServer,
  filesByOperation,
  killServer,
  proxyLog,
  restartFaultyServer,
  setFault,
  type ProxiedRequest,
} from './test-support/faulty.js';
import type { MediaClient, UploadItem, UploadWaiting } from './types.js';

// Batches of small files in Chromium against a real server-kit process behind a fault proxy
// (wtr-faults.mjs): a kill -9 and restart of the server, refused connections, stretches of 429 and
// 503 with Retry-After, and Cancel all. Every file ends ready exactly once on the server (counted
// through the REST list), without any call but addFiles.

/** a socket that never connects: the client polls, as behind a proxy without WebSockets */
class NoSocket extends WebSocket {
  constructor() {
    super('ws://127.0.0.1:9/');
  }
}

const FAULTY_PATH = '/faulty/api/media';
/** small files in flight at once with the default concurrency of 3 (a quarter slot each) */
const IN_FLIGHT = 3 / SMALL_FILE_SHARE;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let run = 0;

describe('a batch through outages, kill -9 and rate limits (Chromium, server process behind a fault proxy)', () => {
  let client: MediaClient | undefined;
  let endpoint = '';
  let prefix = '';
  /** every error the client showed, and every wait it showed */
  let errors: UploadItem[] = [];
  let waits: UploadWaiting[] = [];

  beforeEach(async () => {
    endpoint = await faultyServer();
    prefix = `b${Date.now().toString(36)}${run++}-`;
    errors = [];
    waits = [];
  });
  afterEach(async () => {
    client?.destroy();
    client = undefined;
    await clearFault();
  });

  function start(count: number, concurrency = 3): string[] {
    client = createMediaClient({
      endpoint,
      concurrency,
      shareTabs: false,
      resumeAfterReload: false,
      removeCompletedAfter: Infinity,
      WebSocket: NoSocket,
      pollInterval: 500,
    });
    client.on('upload-status', ({ item }) => {
      if (item.status === 'error') errors.push(item);
    });
    client.$uploads.listen((uploads) => {
      for (const item of Object.values(uploads)) if (item.waiting) waits.push(item.waiting);
    });
    const files = Array.from(
      { length: count },
      (_, i) => new File([`${prefix}${i} `.repeat(40 + i)], `${prefix}${i}.txt`, { type: 'text/plain' }),
    );
    return client.addFiles(files).accepted.map((item) => item.operationId);
  }

  const done = () => client!.$batch.get().batchDone;
  /** files whose bytes are all on the server (processing or ready): faults come while others upload */
  const uploaded = () => {
    const { counts } = client!.$batch.get();
    return counts.processing + counts.ready;
  };

  async function expectEachOnceReady(ids: string[]): Promise<void> {
    await waitFor(() => done() === ids.length, 90_000, `${ids.length} ready (${done()})`);
    expect(errors.map((item) => item.error)).to.deep.equal([], 'no upload was shown failed');
    expect(client!.$batch.get()).to.deep.include({ batchTotal: ids.length, batchFailed: 0, progress: 100 });
    const counts = await filesByOperation(endpoint, prefix);
    expect([...counts.keys()].sort()).to.deep.equal([...ids].sort(), 'every file on the server');
    expect([...counts.values()].every((count) => count === 1)).to.equal(true, 'each exactly once');
  }

  const between = (log: ProxiedRequest[], from: number, to: number) =>
    log.filter((request) => request.at >= from && request.at < to);

  it('the server is killed (kill -9) mid-batch and restarted: all ready, once each, and the outage is one probe at a time', async function () {
    this.timeout(120_000);
    const ids = start(200);
    await waitFor(() => uploaded() >= 30, 30_000, '30 uploaded');
    await killServer();
    const downAt = Date.now();
    await waitFor(
      () => Object.values(client!.$uploads.get()).some((item) => item.waiting?.reason === 'unreachable'),
      10_000,
      'uploads waiting for the server',
    );
    await sleep(2500);
    const waitingNow = Object.values(client!.$uploads.get()).filter((item) => item.waiting);
    expect(
      waitingNow.every((item) => item.status === 'uploading' && item.waiting!.retryAt === null),
    ).to.equal(true);
    await restartFaultyServer();
    const upAt = Date.now();
    await expectEachOnceReady(ids);
    // during the outage: the running uploads' failures, one probe per growing interval, and what was
    // on its way when the server died (a tick of polls, their files' reads): not a request
    // per file of the 170 still to go
    const during = between(await proxyLog(), downAt, upAt);
    expect(during.filter((request) => request.path.includes('/uploads')).length).to.be.below(
      IN_FLIGHT + 7,
      'no upload is retried before a probe answers',
    );
    const shown = during.map((request) => `${request.method} ${request.path.slice(FAULTY_PATH.length)}`);
    expect(during.length).to.be.below(80, JSON.stringify(shown));
    const late = during.filter((request) => request.at > downAt + 2000);
    expect(late.length).to.be.below(10, `after the first 2 s, only probes: ${JSON.stringify(shown)}`);
  });

  it('refused connections for a while (the network is down): uploads wait, then finish by themselves', async function () {
    this.timeout(90_000);
    const ids = start(100);
    await waitFor(() => uploaded() >= 20, 30_000, '20 uploaded');
    await setFault({ mode: 'refuse' });
    await waitFor(() => waits.some((wait) => wait.reason === 'unreachable'), 10_000, 'a wait');
    await sleep(2000);
    await clearFault();
    await expectEachOnceReady(ids);
  });

  it('a stretch of 429 and then of 503 with Retry-After: uploads wait as told, then all finish once', async function () {
    this.timeout(90_000);
    const ids = start(100);
    await waitFor(() => uploaded() >= 20, 30_000, '20 uploaded');
    const from = Date.now();
    await setFault({ mode: 'status', status: 429, retryAfter: 1, code: 'rate-limited', tusOnly: true });
    await waitFor(() => waits.some((wait) => wait.reason === 'rate-limited'), 10_000, 'rate-limited');
    const told = waits.find((wait) => wait.reason === 'rate-limited')!;
    expect(told.retryAt).to.be.a('number');
    await sleep(3000);
    await setFault({ mode: 'status', status: 503, retryAfter: 1, code: 'busy', tusOnly: true });
    await waitFor(() => waits.some((wait) => wait.reason === 'server-busy'), 10_000, 'server-busy');
    await sleep(2000);
    const to = Date.now();
    await clearFault();
    await expectEachOnceReady(ids);
    // paced by Retry-After: each running upload about once a second, not in a tight loop
    const refused = between(await proxyLog(), from, to).filter(
      (request) => request.status === 429 || request.status === 503,
    );
    expect(refused.length).to.be.below(IN_FLIGHT * ((to - from) / 1000 + 2));
  });

  it('Cancel all over a big queue: nothing new reaches the server after the click, nothing is left', async function () {
    this.timeout(60_000);
    const ids = start(300);
    await waitFor(() => uploaded() >= 10, 30_000, '10 uploaded');
    // the next creating requests are held on the way: they are in flight when the click comes
    await setFault({ mode: 'hold', methods: ['POST'], tusOnly: true });
    await waitFor(
      async () => (await proxyLog()).some((request) => request.outcome === 'hold'),
      10_000,
      'a held request',
    );
    const clickAt = Date.now();
    client!.cancelAll();
    // (read after the click: $uploads shows the click at once, and what was ready stays ready)
    const readyAtClick = new Set(
      Object.values(client!.$uploads.get())
        .filter((item) => item.status === 'ready')
        .map((item) => item.operationId),
    );
    expect(
      Object.values(client!.$uploads.get()).filter(
        (item) => item.status !== 'ready' && item.status !== 'canceled',
      ),
    ).to.deep.equal([], 'everything not finished is canceled at once');
    // the held requests go on now: the browser gave them up, so none reaches the server
    await clearFault();
    await sleep(6000);
    const log = await proxyLog();
    const created = log.filter(
      (request) => request.method === 'POST' && request.at >= clickAt && request.outcome === null,
    );
    expect(created).to.deep.equal([], 'no upload created after the click');
    const counts = await filesByOperation(endpoint, prefix);
    expect([...counts.keys()].sort()).to.deep.equal([...readyAtClick].sort(), 'only what was ready');
    // a file a canceled upload made anyway is deleted for good, not moved to the trash
    expect([...(await filesByOperation(endpoint, prefix, { trashed: true })).keys()]).to.deep.equal([]);
    expect(ids.length).to.equal(300);
  });
});
