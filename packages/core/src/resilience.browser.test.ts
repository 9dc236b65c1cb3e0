import { expect } from '@open-wc/testing';
import { createMediaClient } from './client.js';
import { makeFile, sha256, storedContent, waitFor } from './test-support/browser.js';
import { network, networkLog, restartServer, type TusRequest } from './test-support/commands.js';
import type { MediaClient, MediaClientOptions, UploadItem, UploadStatus } from './types.js';

// Failures in Chromium against the real server kit: a restart of the server mid-upload (a server
// command stops it and starts a fresh one on the same data directory) and faults injected in front
// of the tus endpoint (a lost connection, a 503, a 4xx), with the server's log of what arrived.
const endpoint = '/api/media';
const MiB = 1024 * 1024;

/** a socket that never connects (the client falls back to polling) */
class NoSocket extends WebSocket {
  constructor() {
    super('ws://127.0.0.1:9/');
  }
}

const patches = (log: TusRequest[]) => log.filter((request) => request.method === 'PATCH');

describe('uploads through server restarts and network errors (Chromium)', () => {
  let client: MediaClient | undefined;
  let statuses: UploadStatus[] = [];
  afterEach(async () => {
    client?.destroy();
    client = undefined;
    await network();
  });

  /** one upload, every status it passes through recorded */
  function upload(file: File, options: Partial<MediaClientOptions> = {}): string {
    client?.destroy();
    client = createMediaClient({
      endpoint,
      shareTabs: false,
      resumeAfterReload: false,
      removeCompletedAfter: Infinity,
      ...options,
    });
    const [item] = client.addFiles([file]).accepted;
    const id = item!.operationId;
    statuses = [];
    client.$uploads.subscribe((uploads) => {
      const status = uploads[id]?.status;
      if (status && statuses.at(-1) !== status) statuses.push(status);
    });
    return id;
  }

  const settled = (id: string, timeoutMs: number): Promise<UploadItem> =>
    waitFor(
      () => {
        const item = client!.$uploads.get()[id];
        return item?.status === 'ready' || item?.status === 'error' ? item : undefined;
      },
      timeoutMs,
      'ready or error',
    );

  async function expectStored(item: UploadItem, file: File): Promise<void> {
    const stored = await storedContent(endpoint, item.fileId!);
    expect(stored.size).to.equal(file.size);
    expect(await sha256(stored)).to.equal(await sha256(file));
  }

  it('the server restarts mid-upload: the upload continues from its offset and completes', async function () {
    this.timeout(60_000);
    await network({ patchDelayMs: 60 });
    const file = makeFile(32 * MiB, 'restart.bin');
    const id = upload(file, { chunkSize: MiB });
    await waitFor(() => (client!.$uploads.get()[id]?.bytesUploaded ?? 0) > 4 * MiB, 10_000, 'progress');
    await restartServer();
    const done = await settled(id, 40_000);
    expect(done.status, JSON.stringify(done.error)).to.equal('ready');
    expect(statuses).to.not.include('error', 'a restart is not shown as a failure');
    await expectStored(done, file);

    const log = await networkLog();
    expect(log.filter((request) => request.method === 'POST').length).to.equal(1, 'the same tus upload');
    const sent = patches(log);
    expect(sent.some((request) => request.status === 'aborted')).to.equal(true, 'the restart cut a PATCH');
    expect(sent.filter((request) => request.offset === 0).length).to.equal(1, 'never again from byte 0');
  });

  it('waits out a lost connection (a probe first) and a 503 (as long as Retry-After says), then completes', async function () {
    this.timeout(30_000);
    await network({
      failures: [
        { mode: 'destroy' },
        { mode: 503, code: 'busy', message: 'The storage is busy.', retryAfter: '2' },
      ],
    });
    const file = makeFile(8 * MiB + 5, 'retry.bin');
    const id = upload(file);
    const done = await settled(id, 20_000);
    expect(done.status, JSON.stringify(done.error)).to.equal('ready');
    expect(statuses).to.not.include('error', 'retries happen without an error in between');
    await expectStored(done, file);

    const log = await networkLog();
    const sent = patches(log);
    expect(sent.map((request) => request.fault ?? request.status)).to.deep.equal(['destroy', 503, 204]);
    // each retry asks the server for its offset (HEAD): after a lost connection once a probe of the
    // server answered, after the 503 no sooner than its Retry-After (2 s, spread by up to 0.5 s)
    const retries = log.filter((request) => request.method === 'HEAD');
    expect(retries.length).to.equal(2);
    expect(retries[0]!.at - sent[0]!.end!).to.be.below(2000);
    expect(retries[1]!.at - sent[1]!.end!).to.be.within(2000 - 20, 3500);
  });

  it('gives up on a 500 after the configured retries, in its own words, and retry() finishes the upload', async function () {
    this.timeout(30_000);
    const broken = { mode: 500, code: 'internal', message: 'ENOENT /srv/data/x' };
    await network({ failures: [broken, broken] });
    const file = makeFile(4 * MiB, 'give-up.bin');
    const id = upload(file, { retries: 1 });
    const failed = await settled(id, 10_000);
    expect(failed.status).to.equal('error');
    // a 5xx's text is not for users; the code is the server's
    expect(failed.error).to.deep.equal({ code: 'internal', message: 'The upload failed.', retryable: true });
    expect(patches(await networkLog()).length).to.equal(2, 'one try and one retry');

    client!.retry(id);
    const done = await settled(id, 10_000);
    expect(done.status, JSON.stringify(done.error)).to.equal('ready');
    expect(statuses.filter((status) => status === 'error').length).to.equal(1);
    expect(statuses.at(-1)).to.equal('ready');
    await expectStored(done, file);
  });

  it('a 4xx fails at once with the server message, without retries', async function () {
    this.timeout(20_000);
    // larger than the test server's maxFileSize (256 MiB): refused when the upload is created
    const id = upload(makeFile(256 * MiB + 1, 'huge.bin'));
    const failed = await settled(id, 5000);
    expect(failed.error).to.deep.include({
      code: 'file-too-large',
      message: `Files may be at most ${256 * MiB} bytes.`,
      retryable: false,
    });
    // a refused PATCH too (the server kit answers 403 to a user who may not write)
    await network({ failures: [{ mode: 403, code: 'forbidden', message: 'You may not upload here.' }] });
    const second = upload(makeFile(2 * MiB, 'refused.bin'));
    const refused = await settled(second, 5000);
    expect(refused.error).to.deep.include({ code: 'forbidden', message: 'You may not upload here.' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const log = await networkLog();
    expect(log.map((request) => request.method)).to.deep.equal(['POST', 'PATCH'], 'nothing is retried');
    expect(client!.$uploads.get()[second]!.status).to.equal('error');
  });

  it('a small file paused after the server made its file, before the answer came, is one file', async function () {
    this.timeout(20_000);
    // the creating POST carries the whole file: the server stores it and makes the library file,
    // but the browser hears nothing for 1.5 s; pausing aborts the POST, so its URL is never known
    // and no socket (nor a poll in time) tells it the file is there
    await network({ postAnswerDelayMs: 1500 });
    const file = new File(['held answer\n'.repeat(100)], 'held-answer.txt', { type: 'text/plain' });
    const id = upload(file, { WebSocket: NoSocket, pollInterval: 60_000 });
    await waitFor(
      async () => (await fetch(`${endpoint}/operations/${id}`)).ok || undefined,
      5000,
      'the server made the file',
    );
    client!.pause(id);
    expect(client!.$uploads.get()[id]!.status).to.equal('paused');
    client!.resume(id);
    // the answer of the POST sent again names the file (no socket here to say it is ready)
    const item = await waitFor(
      () => {
        const current = client!.$uploads.get()[id];
        return current?.fileId ? current : undefined;
      },
      10_000,
      'the file id',
    );
    expect(item.status).to.be.oneOf(['processing', 'ready']);
    const listed = (await (await fetch(`${endpoint}?q=held-answer&limit=200`)).json()) as {
      items: { id: string; operationId: string }[];
    };
    expect(listed.items.filter((f) => f.operationId === id).map((f) => f.id)).to.deep.equal([item.fileId]);
    await expectStored(item, file);
    const posts = (await networkLog()).filter((request) => request.method === 'POST');
    expect(posts.map((request) => request.status)).to.deep.equal(
      ['aborted', 201],
      'sent again after the pause',
    );
  });
});
