// Browser tests of @mediabay/core in the machine's Chromium: real XHR, IndexedDB, BroadcastChannel
// and Web Locks, against a real @mediabay/server-kit mounted at /api/media on the test server
// (same origin). Settings follow TOOLCHAIN.md: commonjs 26 for tus-js-client's browser deps,
// `process.env.NODE_ENV` defined for nanostores.
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

/** server-kit by path: it depends on core, so core cannot depend on it back. */
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
        dataDir = await mkdtemp(join(tmpdir(), 'mediabay-core-wtr-'));
        media = createMediaServer({
          dataDir,
          // small enough to test a 413 with a few bytes, large enough for the resume tests
          limits: { maxFileSize: 256 * 1024 * 1024, rateLimit: { max: 100_000, windowMs: 60_000 } },
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
  files: [here('./src/**/*.browser.test.ts')],
  nodeResolve: { browser: true },
  concurrency: 1,
  testFramework: { config: { timeout: 30000 } },
  testsFinishTimeout: 180000,
  // @open-wc/testing brings lit in dev mode; its banner is noise here
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
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head>
    <script>
      window.process = { env: { NODE_ENV: 'development' } };
    </script>
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
