// The Redis bus against a real Redis: two buses stand for two instances.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ServerEvent } from '@mediabay/core/protocol';
import { connectRedis, type RedisConnection } from '../redis/connect.js';
import { waitFor } from '../test-support/server.test-helper.js';
import { missingServices, testServices, uniqueName } from '../test-support/services.test-helper.js';
import type { EventBus } from './event-bus.js';
import { createRedisBus } from './redis-bus.js';

describe('Redis bus', { skip: missingServices('redis') }, () => {
  const connections: RedisConnection[] = [];
  let a: EventBus;
  let b: EventBus;
  before(async () => {
    const channel = uniqueName('events');
    for (let i = 0; i < 2; i++) connections.push(await connectRedis(testServices.redis as string));
    a = await createRedisBus(connections[0] as RedisConnection, { channel });
    b = await createRedisBus(connections[1] as RedisConnection, { channel });
  });
  after(async () => {
    await a.close();
    await b.close();
    for (const redis of connections) await redis.close();
  });

  it("delivers each instance's events once to every instance, with their tenant, in order", async () => {
    const heardA: [string, ServerEvent][] = [];
    const heardB: [string, ServerEvent][] = [];
    a.subscribe((tenant, event) => heardA.push([tenant, event]));
    b.subscribe((tenant, event) => heardB.push([tenant, event]));
    const deleted = (n: number): ServerEvent => ({ type: 'media-deleted', fileIds: [`f${n}`] });
    for (let n = 0; n < 5; n++) a.publish('t1', deleted(n));
    b.publish('t2', deleted(99));
    await waitFor(() => (heardB.length === 6 && heardA.length === 6) || undefined, 3000);
    await new Promise((resolve) => setTimeout(resolve, 100)); // no late duplicates
    const expected = [0, 1, 2, 3, 4].map((n): [string, ServerEvent] => ['t1', deleted(n)]);
    assert.deepEqual(heardA, [...expected, ['t2', deleted(99)]]);
    assert.deepEqual(heardB.slice(0, 1), [['t2', deleted(99)]], 'its own event is heard at once');
    assert.deepEqual(heardB.slice(1), expected);
  });
});
