// Browser tests of @mediabay/elements in the machine's Chromium (shared set-up: scripts/wtr-base.mjs;
// esbuild for decorators, commonjs 26 for tus-js-client's browser deps).
import { fileURLToPath } from 'node:url';
import { filterBrowserLogs, mediaServer, testRunnerHtml, toolchain } from '../../scripts/wtr-base.mjs';
import { mediaFixtures } from './scripts/media-fixtures.mjs';
import { a11yCommands } from './scripts/a11y-commands.mjs';
import { gcCommand } from './scripts/gc-command.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const { chromium, plugins } = await toolchain(import.meta.url);

/**
 * Tests act as a user with `Authorization: Bearer test:<userId>:<role,role>` (the client's `headers`
 * option); anything else, the browser's socket included, is the demo's open tenant (an admin).
 */
function testUser(req) {
  const match = /^Bearer test:([\w-]+):([\w,]*)$/.exec(req.headers.authorization ?? '');
  if (!match) return { userId: 'anonymous', tenantId: 'default', roles: ['admin'] };
  return { userId: match[1], tenantId: 'default', roles: match[2] ? match[2].split(',') : [] };
}

const api = mediaServer({
  prefix: 'mediabay-wtr-',
  // tests make many requests in a burst; the default rate limit is for real users
  options: { authenticate: testUser, limits: { rateLimit: { max: 100_000, windowMs: 60_000 } } },
});

export default {
  rootDir: here('../..'),
  files: ['src/**/*.test.ts'],
  nodeResolve: { browser: true, exportConditions: ['development'] },
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 120000,
  filterBrowserLogs,
  browsers: [chromium()],
  middleware: [api.middleware],
  plugins: [api.plugin, mediaFixtures(), a11yCommands(), gcCommand(), ...plugins(here('./tsconfig.json'))],
  // the virtualizer's benign ResizeObserver loop notice would otherwise reach mocha as an uncaught error
  testRunnerHtml: testRunnerHtml(`
      window.addEventListener('error', (event) => {
        if (String(event.message).includes('ResizeObserver loop')) {
          event.stopImmediatePropagation();
          event.preventDefault();
        }
      });`),
};
