// Browser tests of @mediabay/core in the machine's Chromium: real XHR, IndexedDB, BroadcastChannel
// and Web Locks, against a real @mediabay/server-kit mounted at /api/media on the test server (same
// origin). Shared set-up: scripts/wtr-base.mjs; server commands for tabs, restarts and network
// faults: wtr-commands.mjs.
import { fileURLToPath } from 'node:url';
import { filterBrowserLogs, mediaServer, testRunnerHtml, toolchain } from '../../scripts/wtr-base.mjs';
import { testCommands } from './wtr-commands.mjs';
import { createFaultyServer } from './wtr-faults.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const { chromium, plugins } = await toolchain(import.meta.url);

const api = mediaServer({
  prefix: 'mediabay-core-wtr-',
  // small enough to test a 413 with a few bytes, large enough for the resume tests
  options: { limits: { maxFileSize: 256 * 1024 * 1024, rateLimit: { max: 100_000, windowMs: 60_000 } } },
});
const commands = testCommands({ restart: () => api.restart() });
// a second server in its own process behind a fault proxy (outage.browser.test.ts), started on first use
const faulty = createFaultyServer();
const faultyPlugin = {
  name: 'mediabay-faulty',
  async executeCommand({ command, payload }) {
    const handler = faulty.commands[command];
    return handler ? ((await handler(payload ?? {})) ?? true) : undefined;
  },
  serverStop: () => faulty.stop(),
};

export default {
  rootDir: here('../..'),
  files: [here('./src/**/*.browser.test.ts')],
  nodeResolve: { browser: true },
  concurrency: 1,
  testFramework: { config: { timeout: 30000 } },
  testsFinishTimeout: 300000,
  filterBrowserLogs,
  browsers: [chromium()],
  // the network faults sit in front of the server kit, as a flaky network or proxy would
  middleware: [faulty.middleware, commands.middleware, api.middleware],
  plugins: [api.plugin, commands.plugin, faultyPlugin, ...plugins(here('./tsconfig.json'))],
  testRunnerHtml: testRunnerHtml(),
};
