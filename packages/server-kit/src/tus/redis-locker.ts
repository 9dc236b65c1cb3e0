// A tus `Locker` on Redis, so two instances never write one upload at once. A lock is a key holding a
// random token with a time-to-live, renewed while held: an instance that dies (SIGKILL, lost network)
// frees its uploads when the TTL runs out. A request that wants a held lock asks the holder, on
// whichever instance, to let go (tus's `requestRelease`, which ends the holder's request) over pub/sub.
import { randomUUID } from 'node:crypto';
import { ERRORS, type Lock, type Locker, type RequestRelease } from '@tus/utils';
import type { RedisConnection } from '../redis/connect.js';

export interface RedisLockerOptions {
  /** Key and channel prefix. Default `mediabay:lock:`. */
  prefix?: string;
  /** Life of a lock its holder stopped renewing (the holder died), in ms. Default 30 s. */
  ttlMs?: number;
  /** How long a request waits for a held lock before tus answers it with an error. Default 30 s. */
  acquireTimeoutMs?: number;
}

// Only the holder (same token) may extend or delete a lock.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

interface Held {
  token: string;
  requestRelease: RequestRelease;
  renewal: NodeJS.Timeout;
}

export class RedisLocker implements Locker {
  readonly held = new Map<string, Held>();
  readonly prefix: string;
  readonly ttlMs: number;
  readonly acquireTimeoutMs: number;
  readonly releaseChannel: string;
  #ready: Promise<void>;

  constructor(
    readonly redis: RedisConnection,
    options: RedisLockerOptions = {},
  ) {
    this.prefix = options.prefix ?? 'mediabay:lock:';
    this.ttlMs = options.ttlMs ?? 30_000;
    this.acquireTimeoutMs = options.acquireTimeoutMs ?? 30_000;
    this.releaseChannel = `${this.prefix}release`;
    this.#ready = redis.subscriber.subscribe(this.releaseChannel, (id) => {
      const holder = this.held.get(id);
      if (holder) void Promise.resolve(holder.requestRelease()).catch(() => undefined);
    });
  }

  /** Resolves once release requests from other instances are heard. */
  ready(): Promise<void> {
    return this.#ready;
  }

  newLock(id: string): Lock {
    return new RedisLock(this, id);
  }

  async close(): Promise<void> {
    for (const held of this.held.values()) clearInterval(held.renewal);
    await this.redis.subscriber.unsubscribe(this.releaseChannel).catch(() => undefined);
  }
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });

class RedisLock implements Lock {
  #held: Held | undefined;

  constructor(
    private readonly locker: RedisLocker,
    private readonly id: string,
  ) {}

  private get key(): string {
    return `${this.locker.prefix}${this.id}`;
  }

  async lock(signal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const { client } = this.locker.redis;
    const token = randomUUID();
    const deadline = Date.now() + this.locker.acquireTimeoutMs;
    let wait = 10;
    for (;;) {
      if (signal.aborted) throw ERRORS.ERR_LOCK_TIMEOUT;
      const set = await client.set(this.key, token, {
        condition: 'NX',
        expiration: { type: 'PX', value: this.locker.ttlMs },
      });
      if (set === 'OK') break;
      // Held: ask the holder to finish up, then try again shortly.
      await client.publish(this.locker.releaseChannel, this.id);
      if (Date.now() + wait > deadline) throw ERRORS.ERR_LOCK_TIMEOUT;
      await sleep(wait, signal);
      wait = Math.min(wait * 2, 250);
    }
    const renewal = setInterval(() => void this.renew(), Math.max(50, this.locker.ttlMs / 3));
    renewal.unref();
    this.#held = { token, requestRelease, renewal };
    this.locker.held.set(this.id, this.#held);
  }

  private forget(held: Held): void {
    clearInterval(held.renewal);
    if (this.locker.held.get(this.id) === held) this.locker.held.delete(this.id);
  }

  private async renew(): Promise<void> {
    const held = this.#held;
    if (!held) return;
    const { token } = held;
    let answer: unknown;
    try {
      answer = await this.locker.redis.client.eval(RENEW, {
        keys: [this.key],
        arguments: [token, String(this.locker.ttlMs)],
      });
    } catch {
      return; // Redis unreachable: try again next tick; the TTL still covers us until then
    }
    const kept = Number(answer) === 1;
    if (!kept) {
      // The lock expired under us (a long stall): stop writing rather than race the new holder.
      this.forget(held);
      void Promise.resolve(held.requestRelease()).catch(() => undefined);
    }
  }

  async unlock(): Promise<void> {
    const held = this.#held;
    if (!held) throw new Error('Releasing an unlocked lock!');
    this.#held = undefined;
    this.forget(held);
    await this.locker.redis.client.eval(RELEASE, { keys: [this.key], arguments: [held.token] });
  }
}
