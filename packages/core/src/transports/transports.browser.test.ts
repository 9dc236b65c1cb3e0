import { expect } from '@open-wc/testing';
import { makeFile, sha256, spyOnXhr, storedContent, tusHead, waitFor } from '../test-support/browser.js';
import { formTransport } from './form.js';
import type { Transport, TransportError } from './transport.js';
import { tusTransport } from './tus.js';

const endpoint = '/api/media';
let sequence = 0;
const operationId = () => `media_upload_${Date.now()}_${String(++sequence).padStart(15, '0')}`;

function run(transport: Transport, file: File, onProgress: (sent: number) => void = () => {}) {
  let fileId: string | undefined;
  const progress: number[] = [];
  let upload!: ReturnType<Transport>;
  const done = new Promise<string | undefined>((resolve, reject) => {
    upload = transport(
      { file, operationId: operationId(), endpoint, headers: () => ({ 'x-test': '1' }) },
      {
        onProgress: (sent) => {
          progress.push(sent);
          onProgress(sent);
        },
        onSuccess: (result) => {
          fileId = result.fileId;
          resolve(fileId);
        },
        onError: (error: TransportError) => reject(Object.assign(new Error(error.message), error)),
      },
    );
  });
  return { upload, done, progress };
}

async function contentOf(operation: string): Promise<Blob> {
  const list = (await (await fetch(`${endpoint}?limit=100`)).json()) as {
    items: { id: string; operationId: string }[];
  };
  const file = list.items.find((item) => item.operationId === operation);
  if (!file) throw new Error('not listed');
  return storedContent(endpoint, file.id);
}

describe('tus transport in Chromium', () => {
  it('sends the picked File itself as the body of a single PATCH from offset 0', async () => {
    const spy = spyOnXhr();
    try {
      const file = makeFile(8 * 1024 * 1024 + 3);
      const { upload, done, progress } = run(tusTransport, file);
      upload.start();
      await done;
      const patches = spy.sent.filter((request) => request.method === 'PATCH');
      expect(patches.length).to.equal(1);
      expect(patches[0]!.body).to.equal(file);
      expect(progress.at(-1)).to.equal(file.size);
    } finally {
      spy.restore();
    }
  });

  it('pauses, keeps the URL and resumes with a slice from the server offset', async () => {
    const spy = spyOnXhr();
    try {
      const file = makeFile(96 * 1024 * 1024);
      let pausedAt = -1;
      let resolvePause!: () => void;
      const paused = new Promise<void>((resolve) => (resolvePause = resolve));
      const run1 = run(tusTransport, file, (sent) => {
        if (pausedAt < 0 && sent > 4 * 1024 * 1024) {
          pausedAt = sent;
          void run1.upload.pause().then(resolvePause);
        }
      });
      run1.upload.start();
      await paused;
      const url = run1.upload.url;
      const { offset } = await tusHead(url!);
      run1.upload.start();
      await run1.done;
      expect(run1.upload.url).to.equal(url);
      const patches = spy.sent.filter((request) => request.method === 'PATCH');
      expect(patches.length).to.equal(2);
      expect(patches[0]!.body).to.equal(file);
      const rest = patches[1]!.body as Blob;
      if (offset < file.size) {
        expect(rest).to.not.equal(file);
        expect(rest.size).to.be.at.most(file.size - offset);
        expect(rest.size).to.be.below(file.size);
      }
    } finally {
      spy.restore();
    }
  });
});

describe('form transport in Chromium', () => {
  it('posts file and operationId as multipart with upload progress', async () => {
    const file = makeFile(3 * 1024 * 1024 + 1, 'form.bin');
    const { upload, done, progress } = run(formTransport, file);
    upload.start();
    await done;
    expect(progress.at(-1)).to.equal(file.size);
  });

  it('stores the same bytes', async () => {
    const file = new File(['hello form\n'.repeat(1000)], 'hello.txt', { type: 'text/plain' });
    const spy = spyOnXhr();
    let id = '';
    try {
      const { upload, done } = run(formTransport, file);
      upload.start();
      await done;
      const form = spy.sent.find((request) => request.method === 'POST')!.body as FormData;
      id = String(form.get('operationId'));
      expect((form.get('file') as File).size).to.equal(file.size);
    } finally {
      spy.restore();
    }
    const stored = await waitFor(() => id || undefined);
    expect(await sha256(await contentOf(stored))).to.equal(await sha256(file));
  });

  it('turns a 4xx into a final error with the server message', async () => {
    const file = makeFile(300 * 1024 * 1024, 'huge.bin');
    const { upload, done } = run(formTransport, file);
    upload.start();
    let error: TransportError | undefined;
    try {
      await done;
    } catch (caught) {
      error = caught as TransportError;
    }
    expect(error?.retryable).to.equal(false);
    expect(error?.status).to.be.within(400, 499);
    expect(error?.message).to.be.a('string').and.not.equal('');
  });
});
