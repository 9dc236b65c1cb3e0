// Rate limits per caller (rate-limiter-flexible): fixed windows counted in memory, or in Redis when the
// server is scaled out (every instance then counts into the same windows). Beyond the limit: 429 with
// Retry-After. The Redis store is loaded only when Redis is configured.
import { consoleLogger, type Logger } from '../logger.js';
import { createRequire } from 'node:module';
import type { RedisClientType } from '@redis/client';
import type {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { HttpError } from './errors.js';

export interface RateLimit {
  max: number;
  windowMs: number;
}

export interface RateLimiter {
  /** Counts one request of `key`; rejects with a 429 HttpError when over the limit. */
  hit(key: string): Promise<void>;
}

// the package's parts one by one: its index would load every store it knows
const load = createRequire(import.meta.url);
const Res = load('rate-limiter-flexible/lib/RateLimiterRes.js') as typeof RateLimiterRes;

function memoryLimiter(points: number, duration: number, keyPrefix: string): RateLimiterAbstract {
  const Memory = load('rate-limiter-flexible/lib/RateLimiterMemory.js') as typeof RateLimiterMemory;
  return new Memory({ points, duration, keyPrefix });
}

function redisLimiter(
  redis: RedisClientType,
  points: number,
  duration: number,
  keyPrefix: string,
): RateLimiterAbstract {
  const Redis = load('rate-limiter-flexible/lib/RateLimiterRedis.js') as typeof RateLimiterRedis;
  return new Redis({
    storeClient: redis,
    useRedisPackage: true,
    points,
    duration,
    keyPrefix: `mediabay:rate:${keyPrefix}`,
    // while Redis is unreachable each instance counts on its own rather than refusing everyone
    insuranceLimiter: memoryLimiter(points, duration, keyPrefix),
  });
}

/** `name` keeps limits apart in a shared store; `redis` shares the counts between instances. */
export function createRateLimiter(
  name: string,
  limit: RateLimit,
  redis?: RedisClientType,
  logger: Logger = consoleLogger,
): RateLimiter {
  if (limit.max <= 0) return { hit: async () => undefined };
  const duration = Math.max(1, Math.ceil(limit.windowMs / 1000));
  const limiter = redis
    ? redisLimiter(redis, limit.max, duration, name)
    : memoryLimiter(limit.max, duration, name);
  return {
    async hit(key) {
      try {
        await limiter.consume(key);
      } catch (rejection) {
        if (!(rejection instanceof Res)) {
          logger.error('rate limit store', rejection);
          return; // a store failure lets the request through
        }
        const retry = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw new HttpError(429, 'rate-limited', 'Too many requests; try again shortly.', {
          'Retry-After': String(retry),
        });
      }
    },
  };
}
