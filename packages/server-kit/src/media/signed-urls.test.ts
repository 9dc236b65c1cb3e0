// The signature itself, on a clock of our own: the same URL within the hour, 1 to 2 hours of life,
// bound to tenant, file and path, and no other spelling of a signature accepted.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMediaUrls } from './signed-urls.js';

const SECRET = 'unit test secret that is long enough!';
const HOUR_MS = 3_600_000;
const T0 = Date.UTC(2026, 0, 1, 10, 0, 0);

const searchOf = (url: string): URLSearchParams => new URL(url, 'http://x').searchParams;

describe('createMediaUrls', () => {
  it('keeps a URL stable for the hour and valid for one to two hours', () => {
    let now = T0 + 5 * 60_000;
    const urls = createMediaUrls('/api/media', SECRET, () => now);
    const first = urls.url('t1', 'f1', 'content');
    now = T0 + 59 * 60_000;
    assert.equal(urls.url('t1', 'f1', 'content'), first);
    const exp = Number(searchOf(first).get('exp')) * 1000;
    assert.equal(exp, T0 + 2 * HOUR_MS);
    now = exp - 1000;
    assert.equal(urls.verify('t1', 'f1', 'content', searchOf(first)), 'valid');
    now = exp;
    assert.equal(urls.verify('t1', 'f1', 'content', searchOf(first)), 'expired');
  });

  it('binds tenant, file, path and key', () => {
    const urls = createMediaUrls('/api/media', SECRET, () => T0);
    const search = searchOf(urls.url('t1', 'f1', 'captions/en'));
    assert.equal(urls.verify('t1', 'f1', 'captions/en', search), 'valid');
    assert.equal(urls.verify('t2', 'f1', 'captions/en', search), 'invalid');
    assert.equal(urls.verify('t1', 'f2', 'captions/en', search), 'invalid');
    assert.equal(urls.verify('t1', 'f1', 'captions/fr', search), 'invalid');
    const other = createMediaUrls('/api/media', `${SECRET}, another`, () => T0);
    assert.equal(other.verify('t1', 'f1', 'captions/en', search), 'invalid');
  });

  it('accepts no other spelling of a signature, and an altered one is invalid even when expired', () => {
    let now = T0;
    const urls = createMediaUrls('/api/media', SECRET, () => now);
    const search = searchOf(urls.url('t1', 'f1', 'content'));
    const sig = search.get('sig') as string;
    // the last base64url character carries 2 spare bits: each of its neighbours decodes the same
    for (const last of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_') {
      if (last === sig.at(-1)) continue;
      const altered = new URLSearchParams(search);
      altered.set('sig', sig.slice(0, -1) + last);
      assert.equal(urls.verify('t1', 'f1', 'content', altered), 'invalid', last);
    }
    for (const [key, value] of [
      ['exp', ` ${search.get('exp')}`],
      ['exp', `${search.get('exp')}.0`],
      ['sig', `${sig}=`],
    ] as const) {
      const altered = new URLSearchParams(search);
      altered.set(key, value);
      assert.equal(urls.verify('t1', 'f1', 'content', altered), 'invalid', `${key}=${value}`);
    }
    now = T0 + 5 * HOUR_MS;
    const altered = new URLSearchParams(search);
    altered.set('sig', sig.slice(0, -2) + (sig.at(-2) === 'A' ? 'BA' : 'AA'));
    assert.equal(urls.verify('t1', 'f1', 'content', altered), 'invalid');
    assert.equal(urls.verify('t1', 'f1', 'content', search), 'expired');
  });
});
