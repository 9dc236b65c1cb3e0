// library.setCaption / removeCaption against the real server kit: SRT in, the file's caption list
// in the cache, another user hears it; removal is optimistic and rolls back when refused.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MediaApiError } from '../http.js';
import type { ListResponse, MediaFile } from '../protocol.js';
import { waitFor } from '../test-support/media-server.js';
import { serverWithRoles, uploadListed } from '../test-support/roles.js';
import type { MediaClient } from '../types.js';

const rig = serverWithRoles({ vic: ['viewer'], alice: ['editor'] });
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
  await rig.ready();
  alice = rig.client('alice');
  vic = rig.client('vic');
  fileId = await uploadListed(
    alice,
    new File(['talk\n'], 'talk.txt', { type: 'text/plain' }),
    [alice, vic],
    offs,
  );
});
after(() => offs.forEach((off) => off()));

test('setCaption sends SRT and resolves with the file and its WebVTT track; others hear it', async () => {
  const file: MediaFile = await alice.library.setCaption(fileId, 'en', SRT, 'English');
  assert.equal(file.captions?.length, 1);
  const track = file.captions![0]!;
  assert.deepEqual([track.lang, track.label], ['en', 'English']);
  assert.deepEqual(cachedLangs(alice), ['en']);
  const vtt = await fetch(new URL(track.url, rig.server.endpoint.replace(/\/?$/, '/')), {
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
