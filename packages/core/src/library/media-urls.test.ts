import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endpointBase, resolveMediaUrls } from './media-urls.js';

test('endpointBase: a path resolves against the page, an absolute endpoint stands alone', () => {
  assert.equal(endpointBase('/api/media', 'http://lms.test/course/1'), 'http://lms.test/api/media/');
  assert.equal(endpointBase('https://media.test/api/media/', undefined), 'https://media.test/api/media/');
  assert.equal(endpointBase('/api/media', undefined), null, 'no page to resolve a path against');
});

test('every url field of a file, at any depth, resolves against the endpoint; others stay', () => {
  const base = 'https://media.test:8443/api/media/';
  const file = {
    id: 'f1',
    name: 'https-looking name.png',
    contentUrl: '/api/media/f1/content',
    thumbnailUrl: '/api/media/f1/thumbnail',
    playbackUrl: 'f1/playlist.m3u8',
    renditions: [{ height: 720, url: '/api/media/f1/720.mp4' }],
    captions: [{ lang: 'fr', url: 'https://cdn.test/f1.fr.vtt' }],
    poster: { dataUrl: 'data:image/png;base64,AAAA' },
    tags: ['/not/a/url'],
  };
  const list = resolveMediaUrls({ items: [file], total: 1 }, base);
  assert.deepEqual(list.items[0], {
    ...file,
    contentUrl: 'https://media.test:8443/api/media/f1/content',
    thumbnailUrl: 'https://media.test:8443/api/media/f1/thumbnail',
    playbackUrl: 'https://media.test:8443/api/media/f1/playlist.m3u8',
    renditions: [{ height: 720, url: 'https://media.test:8443/api/media/f1/720.mp4' }],
    captions: [{ lang: 'fr', url: 'https://cdn.test/f1.fr.vtt' }],
    poster: { dataUrl: 'data:image/png;base64,AAAA' },
    tags: ['/not/a/url'],
  });
});

test('an optimistic entry keeps its empty contentUrl; without a base nothing changes', () => {
  assert.deepEqual(resolveMediaUrls({ contentUrl: '' }, 'https://media.test/'), { contentUrl: '' });
  assert.deepEqual(resolveMediaUrls({ contentUrl: '/x' }, null), { contentUrl: '/x' });
  assert.equal(resolveMediaUrls(null, 'https://media.test/'), null);
});
