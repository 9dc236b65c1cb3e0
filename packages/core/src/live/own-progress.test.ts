// Issue 21: the tab whose own request sends an upload does not take the server's copy of its
// progress: the socket drops it unparsed and asks the server (once) to stop sending it. An app that
// listens to `media-upload-progress` still hears every event, and the upload still reaches 100 %.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { createMediaClient } from '../client.js';
import type { MediaClient } from '../types.js';
import { makeFile, startMediaServer, waitFor } from '../test-support/media-server.js';
import { startThrottleProxy } from '../test-support/throttle-proxy.js';

/** A `ws` WebSocket that records the text frames it receives and sends. */
function recordingSocket() {
  const received: string[] = [];
  const sent: string[] = [];
  class Recording extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      this.on('message', (data, isBinary) => {
        if (!isBinary) received.push(String(data));
      });
      const send = this.send.bind(this) as (...args: unknown[]) => void;
      this.send = ((...args: unknown[]) => {
        sent.push(String(args[0]));
        send(...args);
      }) as WebSocket['send'];
    }
  }
  return { Recording, received, sent };
}

const progressOf = (frames: string[], id: string) =>
  frames.filter((frame) => frame.includes('"media-upload-progress"') && frame.includes(`"${id}"`)).length;

async function uploadThrough(client: MediaClient, name: string): Promise<string> {
  const [item] = client.addFiles([makeFile(3 * 1024 * 1024, name)]).accepted;
  const id = item!.operationId;
  const done = await waitFor(
    () => {
      const current = client.$uploads.get()[id];
      return current?.status === 'ready' || current?.status === 'error' ? current : undefined;
    },
    30_000,
    `${name} finished`,
  );
  assert.equal(done.status, 'ready', JSON.stringify(done.error));
  assert.equal(done.bytesUploaded, done.size, 'progress reached 100 %');
  return id;
}

test("the uploading client mutes the server's progress of its own upload; a listening app hears it all", async () => {
  const server = await startMediaServer();
  // ~1 MiB/s: a 3 MiB upload lasts long enough for the server to report it many times
  const proxy = await startThrottleProxy({ host: '127.0.0.1', port: server.port }, 1024 * 1024);
  const own = recordingSocket();
  const other = recordingSocket();
  const options = { WebSocket: own.Recording, removeCompletedAfter: Infinity };
  const uploader = createMediaClient({ endpoint: `${proxy.url}/api/media`, ...options });
  // the same user in another place, with an app listening to upload progress
  const watcher = createMediaClient({ ...options, endpoint: server.endpoint, WebSocket: other.Recording });
  const heard: string[] = [];
  watcher.on('media-upload-progress', (event) => heard.push(event.operationId));
  try {
    await waitFor(() => uploader.$live.get() === 'live' && watcher.$live.get() === 'live', 10_000, 'live');
    const id = await uploadThrough(uploader, 'own.bin');
    await waitFor(() => (heard.includes(id) ? true : undefined), 10_000, 'the watcher heard it');
    const mute = JSON.stringify({ type: 'mute-progress', operationId: id });
    assert.deepEqual(
      own.sent.filter((frame) => frame.includes(id)),
      [mute],
    );
    // what was on its way before the mute arrived, against every report the watcher heard
    const ownFrames = progressOf(own.received, id);
    const watcherHeard = heard.filter((operationId) => operationId === id).length;
    assert.ok(watcherHeard >= 5, `the watcher heard ${watcherHeard}`);
    assert.ok(ownFrames <= 3, `the uploader was sent ${ownFrames} after muting`);

    // a client whose app listens mutes nothing and hears its own upload's progress from the server
    const listened = await uploadThrough(watcher, 'listened.bin');
    assert.equal(other.sent.length, 0, 'no mute');
    assert.ok(heard.filter((operationId) => operationId === listened).length >= 1);
  } finally {
    uploader.destroy();
    watcher.destroy();
    await proxy.close();
    await server.close();
  }
});
