// The Redis tus locker against a real Redis: two lockers stand for two instances.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ERRORS } from '@tus/utils';
import { connectRedis, type RedisConnection } from '../redis/connect.js';
import { missingServices, testServices, uniqueName } from '../test-support/services.test-helper.js';
import { RedisLocker } from './redis-locker.js';

const skip = missingServices('redis');

describe('RedisLocker', { skip }, () => {
  const connections: RedisConnection[] = [];
  let a: RedisLocker;
  let b: RedisLocker;
  const locker = async (options: ConstructorParameters<typeof RedisLocker>[1]): Promise<RedisLocker> => {
    const redis = await connectRedis(testServices.redis as string);
    connections.push(redis);
    const made = new RedisLocker(redis, { prefix: `${uniqueName('test')}:`, ...options });
    await made.ready();
    return made;
  };
  before(async () => {
    a = await locker({ ttlMs: 300, acquireTimeoutMs: 3000 });
    b = new RedisLocker((await locker({})).redis, { prefix: a.prefix, ttlMs: 300, acquireTimeoutMs: 3000 });
    await b.ready();
  });
  after(async () => {
    for (const redis of connections) await redis.close();
  });

  it('asks the holder on another instance to release, and takes the lock once it does', async () => {
    const held = a.newLock('upload-1');
    let asked = 0;
    await held.lock(new AbortController().signal, async () => {
      asked += 1;
      await held.unlock();
    });
    const started = Date.now();
    await b.newLock('upload-1').lock(new AbortController().signal, () => undefined);
    assert.equal(asked, 1);
    assert.ok(Date.now() - started < 2000);
    assert.ok(b.held.has('upload-1'));
    await b.newLock('other').lock(new AbortController().signal, () => undefined); // other ids are free
  });

  it('keeps a lock past its TTL while the holder lives, and frees it when the holder dies', async () => {
    const c = await locker({ ttlMs: 300, acquireTimeoutMs: 3000 });
    const d = new RedisLocker((await locker({})).redis, {
      prefix: c.prefix,
      ttlMs: 300,
      acquireTimeoutMs: 600,
    });
    await d.ready();
    await c.newLock('upload-2').lock(new AbortController().signal, () => undefined); // ignores requests
    await new Promise((resolve) => setTimeout(resolve, 700)); // > 2 TTLs: renewal kept it
    await assert.rejects(
      d.newLock('upload-2').lock(new AbortController().signal, () => undefined),
      (e) => e === ERRORS.ERR_LOCK_TIMEOUT,
    );
    // the holder dies: no unlock, no more renewals
    await c.close();
    await c.redis.close();
    const e = new RedisLocker(d.redis, { prefix: c.prefix, ttlMs: 300, acquireTimeoutMs: 3000 });
    const started = Date.now();
    await e.newLock('upload-2').lock(new AbortController().signal, () => undefined);
    assert.ok(Date.now() - started < 1500, 'taken over after the TTL');
  });

  it('gives up when the waiting request is aborted, and refuses to unlock what it does not hold', async () => {
    await a.newLock('upload-3').lock(new AbortController().signal, () => undefined);
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 100);
    await assert.rejects(
      b.newLock('upload-3').lock(abort.signal, () => undefined),
      (e) => e === ERRORS.ERR_LOCK_TIMEOUT,
    );
    await assert.rejects(b.newLock('never-locked').unlock(), /unlocked lock/);
  });
});
