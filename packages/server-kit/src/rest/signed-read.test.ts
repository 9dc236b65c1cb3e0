// Signed media URLs on a real server: what `<img>`, `<video>` and `<track>` of a bearer-token page
// load without credentials (content, download, Range, captions), what is refused (altered, expired,
// other file or path, writes) and that one file's URLs are the same for every user of its tenant.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { IncomingMessage } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { MediaFile } from '@mediabay/core/protocol';
import { createMediaUrls } from '../media/signed-urls.js';
import type { Logger } from '../logger.js';
import { api, as, authenticate, createFile } from '../test-support/roles.test-helper.js';
import { startTestServer, waitFor, type TestServer } from '../test-support/server.test-helper.js';

const SECRET = 'signed-read test secret, 32 bytes or more';
const HOUR_MS = 3_600_000;
const LMS = 'https://lms.example';

/** the roles' tenant t1, plus `zed`, alone in tenant t2 */
const twoTenants = (req: IncomingMessage) =>
  req.headers.authorization === 'Bearer zed'
    ? { userId: 'zed', tenantId: 't2', roles: ['admin'] }
    : authenticate(req);

describe('signed media URLs', () => {
  let server: TestServer;
  let file: MediaFile;
  const logged: unknown[] = [];
  const logger: Logger = {
    error: (...args: unknown[]) => logged.push(args),
    warn: (...args: unknown[]) => logged.push(args),
    info: (...args: unknown[]) => logged.push(args),
  } as Logger;
  before(async () => {
    server = await startTestServer({
      authenticate: twoTenants,
      urlSigningSecret: SECRET,
      logger,
      allowedOrigins: [LMS],
    });
    file = await createFile(server, 'alice', 'notes.txt');
  });
  after(() => server.close());

  /** a URL of the API fetched with no credentials at all */
  const bare = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, init);
  const withQuery = (url: string, change: (search: URLSearchParams) => void): string => {
    const parsed = new URL(url, 'http://x');
    change(parsed.searchParams);
    return `${parsed.pathname}?${parsed.searchParams}`;
  };
  const refusal = async (res: Response) => ({
    status: res.status,
    type: res.headers.get('content-type')?.split(';')[0],
    code: ((await res.json()) as { error: { code: string } }).error.code,
  });

  it('puts exp and sig on every URL and serves them without credentials (Range, HEAD, download)', async () => {
    assert.match(file.contentUrl, /^\/api\/media\/[^/]+\/content\?exp=\d+&sig=[\w-]{43}$/);
    assert.equal(file.playbackUrl, file.contentUrl);
    const res = await bare(file.contentUrl);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'hello from alice');
    const part = await bare(file.contentUrl, { headers: { Range: 'bytes=0-4' } });
    assert.equal(part.status, 206);
    assert.equal(await part.text(), 'hello');
    assert.equal((await bare(file.contentUrl, { method: 'HEAD' })).status, 200);
    const download = await bare(`${file.contentUrl}&download=1`);
    assert.equal(download.status, 200);
    assert.match(download.headers.get('content-disposition') ?? '', /^attachment; /);
    assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
    assert.equal((await bare(file.contentUrl.split('?')[0] as string)).status, 401);
  });

  it('gives one file the same URLs for every user of the tenant, lists and events alike', async () => {
    const asVic = (await api(server, 'vic', 'GET', `/${file.id}`)).body as MediaFile;
    const listed = (await api(server, 'ada', 'GET', '/')).body as { items: MediaFile[] };
    assert.equal(asVic.contentUrl, file.contentUrl);
    assert.equal(listed.items.find((f) => f.id === file.id)?.contentUrl, file.contentUrl);
  });

  it('signs caption tracks, each for its own path', async () => {
    const put = await api(server, 'alice', 'PUT', `/${file.id}/captions/en`, undefined, {
      'Content-Type': 'text/vtt',
    });
    assert.equal(put.status, 400); // an empty body: nothing stored
    const ok = await fetch(`${server.url}/api/media/${file.id}/captions/en`, {
      method: 'PUT',
      headers: { Authorization: 'Bearer alice', 'Content-Type': 'text/vtt' },
      body: 'WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n',
    });
    const captioned = (await ok.json()) as MediaFile;
    const track = captioned.captions?.[0]?.url ?? '';
    const res = await bare(track);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/vtt/);
    assert.match(await res.text(), /Hello/);
    // the caption's signature opens the caption only, not the content beside it
    const moved = track.replace('/captions/en?', '/content?');
    assert.deepEqual(await refusal(await bare(moved)), {
      status: 403,
      type: 'application/json',
      code: 'invalid-signature',
    });
  });

  it('refuses an altered signature, another file, and an expired URL with a 403', async () => {
    const sig = new URL(file.contentUrl, 'http://x').searchParams.get('sig') as string;
    const flipped = sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A');
    for (const url of [
      withQuery(file.contentUrl, (q) => q.set('sig', flipped)),
      withQuery(file.contentUrl, (q) => q.set('sig', 'x')),
      withQuery(file.contentUrl, (q) => q.set('exp', String(Number(q.get('exp')) + 3600))),
      withQuery(file.contentUrl, (q) => q.delete('sig')),
      withQuery(file.contentUrl, (q) => q.append('sig', sig)),
    ]) {
      const answer = await refusal(await bare(url));
      assert.deepEqual(answer, { status: 403, type: 'application/json', code: 'invalid-signature' }, url);
    }
    const other = await createFile(server, 'erin', 'other.txt');
    const swapped = file.contentUrl.replace(file.id, other.id);
    assert.equal((await refusal(await bare(swapped))).code, 'invalid-signature');
    // signed with the server's key three hours ago: genuine, but out of date
    const past = createMediaUrls('/api/media', SECRET, () => Date.now() - 3 * HOUR_MS);
    const expired = await refusal(await bare(past.url('t1', file.id, 'content')));
    assert.deepEqual(expired, { status: 403, type: 'application/json', code: 'url-expired' });
  });

  it('never takes a signature for a write, and changes nothing', async () => {
    const query = file.contentUrl.split('?')[1] as string;
    const attempts: [string, string, string?][] = [
      ['DELETE', `/api/media/${file.id}?${query}`],
      ['PATCH', `/api/media/${file.id}?${query}`, JSON.stringify({ name: 'taken.txt' })],
      ['PUT', `/api/media/${file.id}/captions/en?${query}`, 'WEBVTT\n'],
      ['DELETE', `/api/media/${file.id}/captions/en?${query}`],
      ['POST', `/api/media/${file.id}/restore?${query}`],
    ];
    for (const [method, path, body] of attempts) {
      const res = await bare(path, { method, ...(body ? { body } : {}) });
      assert.equal(res.status, 401, `${method} ${path}`);
    }
    const still = (await api(server, 'alice', 'GET', `/${file.id}`)).body as MediaFile;
    assert.equal(still.name, 'notes.txt');
    assert.equal(still.captions?.length, 1);
    assert.equal(still.trashedAt, undefined);
  });

  it('answers 404 for a file in the trash by its library links, opens it by its trash links, and another tenant keeps its 404', async () => {
    const doomed = await createFile(server, 'alice', 'doomed.txt');
    assert.equal((await bare(doomed.contentUrl)).status, 200);
    assert.equal((await api(server, 'zed', 'GET', doomed.contentUrl.replace('/api/media', ''))).status, 404);
    assert.equal((await api(server, 'alice', 'DELETE', `/${doomed.id}`)).status < 300, true);
    const gone = await bare(doomed.contentUrl);
    assert.equal(gone.status, 404);
    assert.match(gone.headers.get('content-type') ?? '', /^application\/json/);
    // the Trash view's own links (made while it is there) still open it, for preview before a restore
    const binned = (await api(server, 'alice', 'GET', `/${doomed.id}`)).body as MediaFile;
    assert.notEqual(binned.contentUrl, doomed.contentUrl);
    const inTrash = await bare(binned.contentUrl);
    assert.equal(inTrash.status, 200);
    assert.equal(await inTrash.text(), 'hello from alice');
    // once restored, the library's links work again and the trash's do not
    assert.equal((await api(server, 'alice', 'POST', `/${doomed.id}/restore`)).status, 200);
    assert.equal((await bare(doomed.contentUrl)).status, 200);
    assert.equal((await refusal(await bare(binned.contentUrl))).code, 'invalid-signature');
    // a genuine signature of another tenant does not open this tenant's file
    const forged = createMediaUrls('/api/media', SECRET).url('t2', file.id, 'content');
    assert.equal((await bare(forged)).status, 403);
  });

  it('lets a video page on an allowed origin load thumbnail and web rendition (Range) with no token', async () => {
    // a ProRes clip: browsers cannot play it, so it gets a web rendition (playbackUrl)
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-signed-video-'));
    const clip = path.join(dir, 'edit.mov');
    await promisify(execFile)('ffmpeg', [
      ...['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=1:size=176x144:rate=10'],
      ...['-c:v', 'prores_ks', '-profile:v', '0', '-y', clip],
    ]);
    const form = new FormData();
    form.set('file', new Blob([await fs.readFile(clip)], { type: 'video/quicktime' }), 'edit.mov');
    await fs.rm(dir, { recursive: true, force: true });
    const up = await fetch(`${server.url}/api/media/upload`, {
      method: 'POST',
      headers: as('alice'),
      body: form,
    });
    const { fileId } = (await up.json()) as { fileId: string };
    const video = await waitFor(async () => {
      const got = (await api(server, 'alice', 'GET', `/${fileId}`)).body as MediaFile;
      return got.status === 'ready' || got.status === 'error' ? got : undefined;
    }, 60_000);
    assert.equal(video.status, 'ready');
    assert.match(video.playbackUrl ?? '', /\/renditions\/web\?exp=\d+&sig=/);
    const fromLms = { Referer: `${LMS}/course/1` };
    const thumb = await bare(video.thumbnailUrl ?? '', { headers: fromLms });
    assert.equal(thumb.status, 200);
    assert.equal(thumb.headers.get('content-type'), 'image/jpeg');
    assert.equal(thumb.headers.get('cross-origin-resource-policy'), 'cross-origin');
    const part = await bare(video.playbackUrl ?? '', { headers: { ...fromLms, Range: 'bytes=0-99' } });
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-type'), 'video/mp4');
    assert.equal((await part.arrayBuffer()).byteLength, 100);
    const cors = await bare(video.playbackUrl ?? '', { headers: { Origin: LMS } });
    assert.equal(cors.headers.get('access-control-allow-origin'), LMS);
    // the thumbnail's signature does not open the rendition
    const crossed = `${(video.playbackUrl ?? '').split('?')[0]}?${(video.thumbnailUrl ?? '').split('?')[1]}`;
    assert.equal((await bare(crossed)).status, 403);
  });

  it('never writes the secret to the log', () => {
    assert.doesNotMatch(JSON.stringify(logged), new RegExp(SECRET));
  });
});

describe('signed reads and the request rate', () => {
  it('counts refused signed reads against the address, never served ones', async () => {
    const server = await startTestServer({
      authenticate,
      urlSigningSecret: SECRET,
      limits: { rateLimit: { max: 3, windowMs: 60 * 60_000 } },
    });
    try {
      // one upload and one GET of alice's: well within her own budget of 3
      const form = new FormData();
      form.set('file', new Blob(['often read']), 'often.txt');
      const up = await fetch(`${server.url}/api/media/upload`, {
        method: 'POST',
        headers: as('alice'),
        body: form,
      });
      const { fileId } = (await up.json()) as { fileId: string };
      const file = (await api(server, 'alice', 'GET', `/${fileId}`)).body as MediaFile;
      for (let i = 0; i < 6; i++) assert.equal((await fetch(`${server.url}${file.contentUrl}`)).status, 200);
      const bad = file.contentUrl.replace(/sig=[\w-]+/, `sig=${'A'.repeat(43)}`);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await fetch(`${server.url}${bad}`)).status);
      assert.deepEqual(statuses, [403, 403, 403, 429]);
    } finally {
      await server.close();
    }
  });
});
