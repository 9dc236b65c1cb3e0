// One Redis connection pair per server: commands (and publish) on one, subscriptions on the other,
// as Redis requires. The first connection must succeed (a clear start-up error names Redis); after
// that a dropped connection is retried with backoff.
import { consoleLogger, type Logger } from '../logger.js';
import { createClient, type RedisClientType } from '@redis/client';
import { redact } from '../config/service-urls.js';

export interface RedisConnection {
  client: RedisClientType;
  subscriber: RedisClientType;
  close(): Promise<void>;
}

async function open(url: string, role: string, logger: Logger): Promise<RedisClientType> {
  let connected = false;
  const client = createClient({
    url,
    socket: {
      connectTimeout: 5000,
      reconnectStrategy: (retries, cause) =>
        connected ? Math.min(100 * 2 ** retries, 5000) : new Error(cause.message, { cause }),
    },
  }) as RedisClientType;
  let lastError = '';
  client.on('error', (error: Error) => {
    // node-redis reports every failed reconnect here; log each new kind once, keep retrying
    if (connected && error.message !== lastError) logger.error(`redis ${role}`, error.message);
    lastError = error.message;
  });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Cannot reach Redis at ${redact(url)}: ${(error as Error).message}`, { cause: error });
  }
  connected = true;
  return client;
}

export async function connectRedis(url: string, logger: Logger = consoleLogger): Promise<RedisConnection> {
  const client = await open(url, 'client', logger);
  const subscriber = await open(url, 'subscriber', logger).catch(async (error: unknown) => {
    await client.close();
    throw error;
  });
  return {
    client,
    subscriber,
    async close() {
      await Promise.allSettled([client.close(), subscriber.close()]);
    },
  };
}
