// `$accepting` as a table of inputs and answers, then on a real client against the server kit: a
// viewer is refused, a full queue refuses until an upload leaves it, a destroyed client refuses.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { acceptingOf, type AcceptingInput } from './accepting.js';
import { computeBatch } from './batch.js';
import type { MeState } from '../me.js';
import type { Me } from '../protocol.js';
import { startMediaServer, waitFor, type MediaTestServer } from '../test-support/media-server.js';
import { authenticateWith, clientAs } from '../test-support/roles.js';
import type { Accepting, MediaClient, UploadItem, UploadStatus } from '../types.js';

const meWith = (upload: boolean): MeState => ({
  status: 'ready',
  me: { userId: 'u', tenantId: 't', roles: [], can: { upload } as Me['can'] },
});
const items = (...statuses: UploadStatus[]) =>
  computeBatch(
    statuses.map((status, i) => ({ operationId: `op${i}`, size: 1, bytesUploaded: 0, status }) as UploadItem),
    0,
  );
const loading: MeState = { status: 'loading', me: null };

test('acceptingOf answers from destroyed, /me and the live uploads against maxFiles', () => {
  const cases: [string, AcceptingInput, Accepting][] = [
    ['nothing in the way', { destroyed: false, me: meWith(true), batch: items() }, { accepting: true }],
    [
      'destroyed wins over everything',
      { destroyed: true, me: meWith(false), batch: items() },
      { accepting: false, reason: 'destroyed' },
    ],
    [
      'a role without upload',
      { destroyed: false, me: meWith(false), batch: items() },
      { accepting: false, reason: 'forbidden' },
    ],
    [
      'while /me loads the server decides',
      { destroyed: false, me: loading, batch: items() },
      { accepting: true },
    ],
    [
      'a server without /me decides itself',
      { destroyed: false, me: { status: 'error', me: null }, batch: items() },
      { accepting: true },
    ],
    [
      'queued, uploading, paused, processing and failed count against maxFiles',
      {
        destroyed: false,
        me: loading,
        batch: items('queued', 'uploading', 'paused', 'processing', 'error'),
        maxFiles: 5,
      },
      { accepting: false, reason: 'max-files' },
    ],
    [
      'ready and canceled do not',
      { destroyed: false, me: loading, batch: items('queued', 'ready', 'canceled'), maxFiles: 2 },
      { accepting: true },
    ],
    [
      'no maxFiles, no limit',
      { destroyed: false, me: loading, batch: items('queued', 'queued') },
      { accepting: true },
    ],
  ];
  for (const [name, input, expected] of cases) assert.deepEqual(acceptingOf(input), expected, name);
});

test('acceptingOf gives the same object for the same answer (no notification per progress tick)', () => {
  const input = { destroyed: false, me: loading, batch: items('uploading') };
  assert.equal(acceptingOf(input), acceptingOf({ ...input, batch: items('uploading', 'queued') }));
});

let server: MediaTestServer;
const clients: MediaClient[] = [];
const signIn = (user: string, maxFiles?: number) => {
  const made = clientAs(server.endpoint, user, maxFiles ? { restrictions: { maxFiles } } : {});
  clients.push(made);
  return made;
};
/** the answers `$accepting` gave, in order, while subscribed */
const record = (client: MediaClient) => {
  const seen: Accepting[] = [];
  const off = client.$accepting.subscribe((value) => seen.push(value));
  return { seen, off };
};

before(async () => {
  server = await startMediaServer({ authenticate: authenticateWith({ vic: ['viewer'], alice: ['editor'] }) });
});
after(async () => {
  for (const client of clients) client.destroy();
  await server.close();
});

test('a viewer is refused once /me has answered; an editor is not', async () => {
  const vic = record(signIn('vic'));
  const alice = record(signIn('alice'));
  await waitFor(() => vic.seen.at(-1)?.accepting === false || undefined, 5000, 'viewer refused');
  assert.deepEqual(vic.seen.at(-1), { accepting: false, reason: 'forbidden' });
  await waitFor(() => clients[1]!.$me.get().status === 'ready' || undefined, 5000, 'editor /me');
  assert.deepEqual(alice.seen.at(-1), { accepting: true });
  vic.off();
  alice.off();
});

test('a client at maxFiles refuses until an upload leaves the queue, and refuses for good once destroyed', async () => {
  const client = signIn('alice', 2);
  const { seen, off } = record(client);
  const file = (name: string) => new File([`${name}\n`.repeat(50)], name, { type: 'text/plain' });
  const { accepted } = client.addFiles([file('a.txt'), file('b.txt')]);
  assert.equal(accepted.length, 2);
  assert.deepEqual(seen.at(-1), { accepting: false, reason: 'max-files' });
  client.cancel(accepted[0]!.operationId);
  await waitFor(() => seen.at(-1)?.accepting || undefined, 5000, 'accepting again');
  client.destroy();
  assert.deepEqual(seen.at(-1), { accepting: false, reason: 'destroyed' });
  off();
});
