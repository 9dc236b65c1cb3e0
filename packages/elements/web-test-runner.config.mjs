// Browser tests of @mediabay/elements in the machine's Chromium (see TOOLCHAIN.md for why each
// setting is here: esbuild for decorators, commonjs 26 for tus-js-client's browser deps).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';

const commonjs = fromRollup(rollupCommonjs);
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

// tus-js-client's browser build and the CommonJS packages under it.
const cjsPackages = [
  'url-parse',
  'querystringify',
  'requires-port',
  'combine-errors',
  'custom-error-instance',
  'lodash.uniqby',
  'lodash.throttle',
  'js-base64',
];

/**
 * Tests act as a user with `Authorization: Bearer test:<userId>:<role,role>` (the client's `headers`
 * option); anything else, the browser's socket included, is the demo's open tenant (an admin).
 */
function testUser(req) {
  const match = /^Bearer test:([\w-]+):([\w,]*)$/.exec(req.headers.authorization ?? '');
  if (!match) return { userId: 'anonymous', tenantId: 'default', roles: ['admin'] };
  return { userId: match[1], tenantId: 'default', roles: match[2] ? match[2].split(',') : [] };
}

/**
 * A real @mediabay/server-kit mounted in the test server at /api/media (same origin, so the client
 * needs no CORS), with its socket on the same HTTP server and a throwaway data directory. Imported
 * by path, not as a dependency: server-kit already depends on elements (it serves the bundle).
 */
function mediaServer() {
  let media;
  let dataDir;
  return {
    middleware: async (ctx, next) => {
      if (!media || !(ctx.path === '/api/media' || ctx.path.startsWith('/api/media/'))) return next();
      ctx.respond = false;
      await new Promise((resolve) => {
        ctx.res.once('close', resolve);
        media.handler(ctx.req, ctx.res);
      });
    },
    plugin: {
      name: 'mediabay-server',
      async serverStart({ server }) {
        const { createMediaServer } = await import('../server-kit/dist/index.js');
        dataDir = await mkdtemp(join(tmpdir(), 'mediabay-wtr-'));
        // Tests make many requests in a burst; the default rate limit is for real users.
        media = createMediaServer({
          dataDir,
          authenticate: testUser,
          limits: { rateLimit: { max: 100_000, windowMs: 60_000 } },
        });
        await media.ready();
        media.attach(server);
      },
      async serverStop() {
        await media?.close();
        if (dataDir) await rm(dataDir, { recursive: true, force: true });
      },
    },
  };
}

const api = mediaServer();

export default {
  rootDir: here('../..'),
  files: ['src/**/*.test.ts'],
  nodeResolve: { browser: true, exportConditions: ['development'] },
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 120000,
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        headless: true,
        args: [
          '--headless=new',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  middleware: [api.middleware],
  plugins: [
    api.plugin,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: here('./tsconfig.json') }),
    commonjs({ include: cjsPackages.map((name) => `**/node_modules/${name}/**`) }),
  ],
  // nanostores reads process.env.NODE_ENV; the virtualizer's benign ResizeObserver loop notice
  // would otherwise reach mocha as an uncaught error.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head>
    <script>
      window.process = { env: { NODE_ENV: 'development' } };
      window.addEventListener('error', (event) => {
        if (String(event.message).includes('ResizeObserver loop')) {
          event.stopImmediatePropagation();
          event.preventDefault();
        }
      });
    </script>
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
