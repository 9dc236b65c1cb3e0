import { expect } from '@open-wc/testing';
import { makeFile, sha256, spyOnXhr, storedContent, waitFor } from '../test-support/browser.js';
import { clearFault, faultyServer, proxyLog, setFault } from '../test-support/faulty.js';
import type { TransportError } from './transport.js';
import { SEND_WITH_CREATION_MAX, tusTransport } from './tus.js';

// A small file's upload in Chromium is one POST of our own (creation-with-upload, tus-one-request.ts)
// against the real server kit: the same request tus-js-client sends, its answers read as tus's are.
const endpoint = '/api/media';
let sequence = 0;
const operationId = () => `media_upload_${Date.now()}_${String(++sequence).padStart(15, '0')}`;

function run(file: File, target = endpoint) {
  const urls: string[] = [];
  const progress: number[] = [];
  let upload!: ReturnType<typeof tusTransport>;
  const done = new Promise<string | undefined>((resolve, reject) => {
    upload = tusTransport(
      { file, operationId: operationId(), endpoint: target, headers: () => ({ 'x-test': '1' }) },
      {
        onProgress: (sent) => progress.push(sent),
        onSuccess: (result) => resolve(result.fileId),
        onError: (error: TransportError) => reject(Object.assign(new Error(error.message), error)),
        onUrl: (url) => urls.push(url),
      },
    );
  });
  return { upload, done, progress, urls };
}

const failure = (done: Promise<unknown>) =>
  done.then(
    () => undefined,
    (error: TransportError) => error,
  );

describe('a small tus upload in one request (Chromium)', () => {
  afterEach(() => clearFault());

  it('is the one POST that creates the upload, with the File as its body; bytes and name arrive', async () => {
    const spy = spyOnXhr();
    const file = new File([makeFile(SEND_WITH_CREATION_MAX)], 'été 東京, "1".bin', { type: 'image/x-test' });
    try {
      const { upload, done, progress, urls } = run(file);
      upload.start();
      const fileId = await done;
      expect(spy.sent.map((request) => request.method)).to.deep.equal(['POST']);
      expect(spy.sent[0]!.body).to.equal(file);
      expect(progress.at(-1)).to.equal(file.size);
      expect(urls).to.deep.equal([], 'nothing to resume: no URL reported');
      expect(upload.url).to.match(/\/api\/media\/uploads\/\w+/);
      const stored = await storedContent(endpoint, fileId!);
      expect(await sha256(stored)).to.equal(await sha256(file));
      const record = (await (await fetch(`${endpoint}/${fileId}`)).json()) as { name: string };
      expect(record.name).to.equal(file.name);
    } finally {
      spy.restore();
    }
  });

  it("answers that are not a stored file are errors as tus-js-client's are: 4xx final, 429 with Retry-After, no answer retried", async () => {
    const faulty = await faultyServer();
    await setFault({ mode: 'status', status: 429, retryAfter: 7, methods: ['POST'], tusOnly: true });
    const limited = run(makeFile(1000), faulty);
    limited.upload.start();
    expect(await failure(limited.done)).to.deep.include({ status: 429, retryAfter: '7', retryable: true });

    await setFault({
      mode: 'status',
      status: 400,
      code: 'bad-name',
      message: 'No such name.',
      tusOnly: true,
    });
    const refused = run(makeFile(1000), faulty);
    refused.upload.start();
    expect(await failure(refused.done)).to.deep.include({
      status: 400,
      code: 'bad-name',
      message: 'No such name.',
      retryable: false,
      fromServer: true,
    });

    await setFault({ mode: 'reset', methods: ['POST'], tusOnly: true });
    const lost = run(makeFile(1000), faulty);
    lost.upload.start();
    expect(await failure(lost.done)).to.deep.include({ code: 'network', status: 0, retryable: true });
    const posts = (await proxyLog()).filter((request) => request.method === 'POST');
    expect(posts.length).to.equal(3, 'one request per start, none repeated by the transport');
  });

  it('a pause while the request is out stops it; the next start sends the whole file again', async () => {
    const faulty = await faultyServer();
    await setFault({ mode: 'hold', methods: ['POST'], tusOnly: true, count: 1 });
    const spy = spyOnXhr();
    try {
      const { upload, done } = run(makeFile(64 * 1024), faulty);
      upload.start();
      await waitFor(async () => (await proxyLog()).some((request) => request.method === 'POST') || undefined);
      await upload.pause();
      upload.start();
      const fileId = await done;
      expect(fileId).to.be.a('string');
      const posts = spy.sent.filter((request) => request.method === 'POST');
      expect(posts.length).to.equal(2);
      expect(posts[1]!.body).to.equal(posts[0]!.body);
    } finally {
      spy.restore();
    }
  });
});
