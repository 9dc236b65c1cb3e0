import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { MediaFile } from '@mediabay/core/protocol';
import { api, as, authenticate, createFile } from '../test-support/roles.test-helper.js';
import { startTestServer, type TestServer } from '../test-support/server.test-helper.js';
import { toWebVtt } from './caption-text.js';

const SRT = `1
00:00:01,000 --> 00:00:02,500
Hello <i>world</i>

2
00:00:03,000 --> 00:00:04,000
Second line
of the cue
`;

const VTT = `WEBVTT - made by hand

STYLE
::cue { background: url(https://evil.example/x) }

NOTE a comment

intro
00:01.000 --> 00:02.000 align:start position:10%
Bonjour
`;

describe('caption text', () => {
  it('turns SRT into WebVTT, keeping timings and text', () => {
    assert.equal(
      toWebVtt(SRT.replace(/\n/g, '\r\n')),
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nHello <i>world</i>\n\n00:00:03.000 --> 00:00:04.000\nSecond line\nof the cue\n',
    );
  });

  it('writes WebVTT again without STYLE and NOTE blocks, keeping ids and cue settings', () => {
    assert.equal(
      toWebVtt(VTT),
      'WEBVTT\n\nintro\n00:00:01.000 --> 00:00:02.000 align:start position:10%\nBonjour\n',
    );
  });

  for (const [label, text, pattern] of [
    ['no cues', 'WEBVTT\n\n', /no caption cues/],
    ['a bad timing', '1\n00:00:01,000 -> 00:00:02,000\nx\n', /Line 1/],
    ['a cue ending before it starts', '1\n00:00:05,000 --> 00:00:02,000\nx\n', /ends before it starts/],
    ['prose', 'Dear diary,\n\ntoday I uploaded a video.\n', /Line 1/],
  ] as const) {
    it(`refuses ${label}`, () => {
      assert.throws(
        () => toWebVtt(text),
        (error: Error & { status?: number }) => {
          assert.equal(error.status, 400);
          assert.match(error.message, pattern);
          return true;
        },
      );
    });
  }
});

describe('caption routes', () => {
  let server: TestServer;
  let file: MediaFile;
  before(async () => {
    server = await startTestServer({ authenticate });
    file = await createFile(server, 'erin', 'lecture.txt');
  });
  after(() => server.close());

  const put = (
    user: string,
    lang: string,
    body: string | Buffer,
    type = 'application/x-subrip',
    query = '',
  ) =>
    fetch(`${server.url}/api/media/${file.id}/captions/${lang}${query}`, {
      method: 'PUT',
      headers: { ...as(user), 'Content-Type': type },
      body,
    });

  it('takes SRT, lists the track on the file and serves it as text/vtt', async () => {
    const res = await put('erin', 'en', SRT, 'application/x-subrip', '?label=English');
    assert.equal(res.status, 200);
    const answered = (await res.json()) as MediaFile;
    const url = answered.captions?.[0]?.url ?? '';
    assert.match(url, new RegExp(`^/api/media/${file.id}/captions/en\\?exp=\\d+&sig=`)); // signed
    assert.deepEqual(answered.captions, [{ lang: 'en', label: 'English', url }]);
    const listed = (await api(server, 'vic', 'GET', `/${file.id}`)).body as MediaFile;
    assert.deepEqual(listed.captions, answered.captions);
    const vtt = await fetch(`${server.url}${url}`, { headers: as('vic') });
    assert.equal(vtt.status, 200);
    assert.match(vtt.headers.get('content-type') ?? '', /^text\/vtt/);
    assert.equal(await vtt.text(), toWebVtt(SRT));
  });

  it('replaces a language, canonicalises its tag, takes JSON too and removes the old bytes', async () => {
    await put('erin', 'fr-ca', SRT);
    const before = await fs.readdir(path.join(server.dataDir, 'files', 'derived'));
    const res = await fetch(`${server.url}/api/media/${file.id}/captions/fr-CA`, {
      method: 'PUT',
      headers: { ...as('erin'), 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: VTT, label: 'Français (Canada)' }),
    });
    assert.equal(res.status, 200);
    const captions = ((await res.json()) as MediaFile).captions ?? [];
    assert.deepEqual(
      captions.map((c) => [c.lang, c.label]),
      [
        ['en', 'English'],
        ['fr-CA', 'Français (Canada)'],
      ],
    );
    const after = await fs.readdir(path.join(server.dataDir, 'files', 'derived'));
    assert.equal(after.filter((n) => n.includes('-captions-fr-ca')).length, 1, 'one version kept');
    assert.notDeepEqual(after, before);
    const text = await (
      await fetch(`${server.url}/api/media/${file.id}/captions/fr-CA`, { headers: as('vic') })
    ).text();
    assert.match(text, /Bonjour/);
  });

  it('takes a caption file sent as a form, with its label', async () => {
    const form = new FormData();
    form.set('label', 'Italiano');
    form.set('file', new Blob([SRT], { type: 'application/x-subrip' }), 'lezione.srt');
    const res = await fetch(`${server.url}/api/media/${file.id}/captions/it`, {
      method: 'PUT',
      headers: as('erin'),
      body: form,
    });
    assert.equal(res.status, 200);
    const track = ((await res.json()) as MediaFile).captions?.find((c) => c.lang === 'it');
    assert.equal(track?.label, 'Italiano');
    const text = await (await fetch(`${server.url}${track?.url}`, { headers: as('vic') })).text();
    assert.equal(text, toWebVtt(SRT));
    assert.equal((await api(server, 'erin', 'DELETE', `/${file.id}/captions/it`)).status, 204);
  });

  it('removes a track with DELETE, then answers 404 for it', async () => {
    const res = await fetch(`${server.url}/api/media/${file.id}/captions/fr-CA`, {
      method: 'DELETE',
      headers: as('erin'),
    });
    assert.equal(res.status, 204);
    const listed = (await api(server, 'erin', 'GET', `/${file.id}`)).body as MediaFile;
    assert.deepEqual(
      listed.captions?.map((c) => c.lang),
      ['en'],
    );
    assert.equal((await api(server, 'erin', 'GET', `/${file.id}/captions/fr-CA`)).status, 404);
    assert.equal((await api(server, 'erin', 'DELETE', `/${file.id}/captions/fr-CA`)).status, 404);
  });

  it('lets only editors of the file (and admins) change captions', async () => {
    assert.equal((await put('vic', 'de', SRT)).status, 403);
    assert.equal((await put('alice', 'de', SRT)).status, 403, "another editor's file");
    assert.equal((await put('ada', 'de', SRT)).status, 200);
    assert.equal((await api(server, 'vic', 'DELETE', `/${file.id}/captions/de`)).status, 403);
  });

  const hostile: [string, () => Promise<Response>, number, string][] = [
    ['a bad language tag', () => put('erin', 'english!!', SRT), 400, 'invalid-language'],
    ['a path-like language', () => put('erin', '..%2f..%2fetc', SRT), 400, 'invalid-language'],
    [
      'binary bytes',
      () => put('erin', 'es', Buffer.from([0x00, 0xff, 0xfe, 0x01]), 'text/vtt'),
      415,
      'unsupported-type',
    ],
    ['an image type', () => put('erin', 'es', SRT, 'image/png'), 415, 'unsupported-type'],
    [
      'a file over the cap',
      () => put('erin', 'es', `${SRT}\n${'x'.repeat(1024 * 1024)}`),
      413,
      'file-too-large',
    ],
    ['text without cues', () => put('erin', 'es', 'just some words'), 400, 'invalid-captions'],
    [
      'a label too long',
      () => put('erin', 'es', SRT, 'text/plain', `?label=${'x'.repeat(300)}`),
      400,
      'invalid-label',
    ],
  ];
  const putForm = (parts: [string, string | Blob][]) => {
    const form = new FormData();
    for (const [name, value] of parts) form.set(name, value);
    return fetch(`${server.url}/api/media/${file.id}/captions/es`, {
      method: 'PUT',
      headers: as('erin'),
      body: form,
    });
  };
  hostile.push(
    [
      'a form over the cap',
      () => putForm([['file', new Blob([SRT, 'x'.repeat(1024 * 1024)])]]),
      413,
      'file-too-large',
    ],
    ['a form without a file', () => putForm([['label', 'Español']]), 400, 'invalid-body'],
  );
  for (const [label, send, status, code] of hostile) {
    it(`refuses ${label} with ${status} ${code} and changes nothing`, async () => {
      const res = await send();
      assert.equal(res.status, status);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, code);
      const listed = (await api(server, 'erin', 'GET', `/${file.id}`)).body as MediaFile;
      assert.ok(!listed.captions?.some((c) => c.lang === 'es'));
    });
  }

  it('removes caption files with the file', async () => {
    const derived = path.join(server.dataDir, 'files', 'derived');
    assert.ok((await fs.readdir(derived)).some((n) => n.startsWith(`${file.id}-captions-`)));
    const res = await fetch(`${server.url}/api/media/${file.id}?permanent=true`, {
      method: 'DELETE',
      headers: as('ada'),
    });
    assert.equal(res.status, 204);
    assert.deepEqual(
      (await fs.readdir(derived)).filter((n) => n.startsWith(file.id)),
      [],
    );
  });
});
