// `options.logger` receives what the server reports without failing a request (here the error
// behind a 500); the console hears nothing of it. Without the option, the console does.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Logger } from './logger.js';
import { startTestServer, type TestServer } from './test-support/server.test-helper.js';

interface Logged {
  level: keyof Logger;
  message: string;
  details: unknown;
}

function recordingLogger(): { logger: Logger; logged: Logged[] } {
  const logged: Logged[] = [];
  const at =
    (level: keyof Logger) =>
    (message: string, details?: unknown): void => {
      logged.push({ level, message, details });
    };
  return { logger: { error: at('error'), warn: at('warn'), info: at('info') }, logged };
}

/** console.error calls while `run` runs */
async function consoleErrors(run: () => Promise<void>): Promise<unknown[][]> {
  const original = console.error;
  const calls: unknown[][] = [];
  console.error = (...args: unknown[]) => void calls.push(args);
  try {
    await run();
  } finally {
    console.error = original;
  }
  return calls;
}

describe('an injectable logger', () => {
  const servers: TestServer[] = [];
  after(async () => {
    for (const server of servers) await server.close();
  });
  const broken = new Error('the session store is down');
  const authenticate = () => {
    throw broken;
  };

  it('gets the error behind a 500, with the error apart from the message; the console stays quiet', async () => {
    const { logger, logged } = recordingLogger();
    const server = await startTestServer({ authenticate, logger });
    servers.push(server);
    const printed = await consoleErrors(async () => {
      const res = await fetch(`${server.url}/api/media`);
      assert.equal(res.status, 500);
      const body = (await res.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'internal-error');
      assert.ok(!body.error.message.includes('session store'), 'no internals in the answer');
    });
    assert.deepEqual(logged, [{ level: 'error', message: 'unexpected error', details: broken }]);
    assert.deepEqual(printed, []);
  });

  it('is the console by default: "[mediabay] message" and the details', async () => {
    const server = await startTestServer({ authenticate });
    servers.push(server);
    const printed = await consoleErrors(async () => {
      assert.equal((await fetch(`${server.url}/api/media`)).status, 500);
    });
    assert.deepEqual(printed, [['[mediabay] unexpected error', broken]]);
  });
});
