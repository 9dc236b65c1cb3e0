import { expect } from '@open-wc/testing';
import { createMediaClient } from './client.js';
import { makeFile, waitFor } from './test-support/browser.js';
import type { MediaClient } from './types.js';

const endpoint = '/api/media';

describe('createMediaClient in Chromium', () => {
  let client: MediaClient | undefined;
  afterEach(() => client?.destroy());

  it('uploads with the form transport and the library gets the server record', async () => {
    client = createMediaClient({
      endpoint,
      transport: 'form',
      shareTabs: false,
      removeCompletedAfter: Infinity,
    });
    const $library = client.library.watch();
    const off = $library.listen(() => {});
    const [item] = client.addFiles([
      new File(['form upload\n'.repeat(500)], 'form.txt', { type: 'text/plain' }),
    ]).accepted;
    const id = item!.operationId;
    expect(
      $library.get().items.some((file) => file.id === id) || client.$uploads.get()[id] !== undefined,
    ).to.equal(true);
    await waitFor(() => client!.$uploads.get()[id]?.status === 'ready', 20_000, 'ready');
    await waitFor(
      () => $library.get().items.some((file) => file.operationId === id && file.id !== id) || undefined,
      5000,
      'server record',
    );
    off();
  });

  it('writes $uploads at most once per animation frame while uploads run', async () => {
    client = createMediaClient({
      endpoint,
      shareTabs: false,
      resumeAfterReload: false,
      removeCompletedAfter: Infinity,
    });
    let writes = 0;
    let frames = 0;
    let counting = true;
    const countFrames = () => {
      frames++;
      if (counting) requestAnimationFrame(countFrames);
    };
    requestAnimationFrame(countFrames);
    const off = client.$uploads.listen(() => writes++);
    client.addFiles([1, 2, 3, 4, 5].map((n) => makeFile(40 * 1024 * 1024 + n, `frame-${n}.bin`)));
    const before = writes;
    await waitFor(
      () =>
        Object.values(client!.$uploads.get()).every(
          (item) => item.status === 'processing' || item.status === 'ready',
        ) || undefined,
      60_000,
    );
    counting = false;
    off();
    // + frames: the flush after each user action (addFiles) is synchronous by design
    expect(writes - before).to.be.at.most(frames + 2);
  });
});
