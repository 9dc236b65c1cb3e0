// library.setCaption / removeCaption against the real server kit: SRT in, the file's caption list
// in the cache, another user hears it; removal is optimistic and rolls back when refused.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MediaApiError } from '../http.js';
import type { ListResponse, MediaFile } from '../protocol.js';
import { startMediaServer, waitFor, type MediaTestServer } from '../test-support/media-server.js';
import { authenticateWith, clientAs } from '../test-support/roles.js';
import type { MediaClient } from '../types.js';

let server: MediaTestServer;
let alice: MediaClient;
let vic: MediaClient;
let fileId: string;
const offs: (() => void)[] = [];

const SRT = '1\n00:00:00,500 --> 00:00:01,500\nHello\n';

const cachedLangs = (client: MediaClient) =>
  client.queryClient
    .getQueryData<ListResponse>(['media-files', {}])
    ?.items.find((f) => f.id === fileId)
    ?.captions?.map((c) => c.lang);

before(async () => {
  server = await startMediaServer({ authenticate: authenticateWith({ vic: ['viewer'], alice: ['editor'] }) });
  alice = clientAs(server.endpoint, 'alice');
  vic = clientAs(server.endpoint, 'vic');
  const { accepted } = alice.addFiles([new File(['talk\n'], 'talk.txt', { type: 'text/plain' })]);
  fileId = await waitFor(() => alice.$uploads.get()[accepted[0]!.operationId]?.fileId, 10_000, 'upload');
  for (const client of [alice, vic]) {
    offs.push(client.library.watch().subscribe(() => {}));
    await waitFor(
      () =>
        client.library
          .watch()
          .get()
          .items.some((f) => f.id === fileId) || undefined,
    );
  }
});
after(async () => {
  offs.forEach((off) => off());
  alice.destroy();
  vic.destroy();
  await server.close();
});

test('setCaption sends SRT and resolves with the file and its WebVTT track; others hear it', async () => {
  const file: MediaFile = await alice.library.setCaption(fileId, 'en', SRT, 'English');
  assert.equal(file.captions?.length, 1);
  const track = file.captions![0]!;
  assert.deepEqual([track.lang, track.label], ['en', 'English']);
  assert.deepEqual(cachedLangs(alice), ['en']);
  const vtt = await fetch(new URL(track.url, server.endpoint.replace(/\/?$/, '/')), {
    headers: { Authorization: 'Bearer vic' },
  });
  assert.equal(await vtt.text(), 'WEBVTT\n\n00:00:00.500 --> 00:00:01.500\nHello\n');
  await waitFor(() => (cachedLangs(vic)?.length === 1 ? true : undefined), 5000, 'vic hears it');
});

test('a refused removal puts the track back and rejects with the server error', async () => {
  const pending = vic.library.removeCaption(fileId, 'en');
  assert.deepEqual(cachedLangs(vic), [], 'optimistic');
  await assert.rejects(pending, (error: unknown) => error instanceof MediaApiError && error.status === 403);
  assert.deepEqual(cachedLangs(vic), ['en']);
});

test('removeCaption takes the track out', async () => {
  await alice.library.removeCaption(fileId, 'en');
  assert.deepEqual(cachedLangs(alice), []);
  await waitFor(() => (cachedLangs(vic)?.length === 0 ? true : undefined), 5000, 'vic hears it');
});
