// What the packages' web-test-runner configs share: the machine's Chromium, the esbuild and CommonJS
// plugins tus-js-client needs, the test page, and a real @mediabay/server-kit mounted at /api/media.
// Each setting follows TOOLCHAIN.md (commonjs 26, `process.env.NODE_ENV` for nanostores).
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

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
 * The launcher and build plugins, loaded from the calling package's own devDependencies (the root
 * has none of them): `await toolchain(import.meta.url)`.
 */
export async function toolchain(configUrl) {
  const require = createRequire(configUrl);
  const load = (name) => import(pathToFileURL(require.resolve(name)).href);
  const [{ chromeLauncher }, { esbuildPlugin }, { fromRollup }, { default: rollupCommonjs }] =
    await Promise.all([
      load('@web/test-runner-chrome'),
      load('@web/dev-server-esbuild'),
      load('@web/dev-server-rollup'),
      load('@rollup/plugin-commonjs'),
    ]);
  const commonjs = fromRollup(rollupCommonjs);
  return {
    chromium: () =>
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
    /** TypeScript through esbuild (the package's tsconfig, for decorators) and CommonJS deps as ESM */
    plugins: (tsconfig) => [
      esbuildPlugin({ ts: true, target: 'es2022', tsconfig }),
      commonjs({ include: cjsPackages.map((name) => `**/node_modules/${name}/**`) }),
    ],
  };
}

/** nanostores reads process.env.NODE_ENV; `head` adds a package's own early scripts. */
export const testRunnerHtml =
  (head = '') =>
  (testFramework) => `<!doctype html>
<html lang="en">
  <head>
    <script>
      window.process = { env: { NODE_ENV: 'development' } };${head}
    </script>
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`;

// @open-wc/testing brings lit in dev mode; its banner is noise in test output
export const filterBrowserLogs = ({ args }) => !String(args[0]).includes('Lit is in dev mode');

const isApi = (path) => path === '/api/media' || path.startsWith('/api/media/');

/**
 * A real @mediabay/server-kit mounted in the test server at /api/media (same origin, so the client
 * needs no CORS), its socket on the same HTTP server, over a throwaway data directory. Imported by
 * path, not as a dependency: server-kit depends on core and elements. `restart()` stops it and starts
 * a fresh one on the same data directory, as a deploy would; meanwhile connections are refused.
 */
export function mediaServer({ prefix, options = {} }) {
  let media;
  let dataDir;
  let httpServer;
  let down = false;
  /** requests being handled, so a restart can cut them off like a dying process does */
  const inFlight = new Set();

  async function start() {
    const { createMediaServer } = await import('../packages/server-kit/dist/index.js');
    media = createMediaServer({ dataDir, ...options });
    await media.ready();
    media.attach(httpServer);
  }

  return {
    middleware: async (ctx, next) => {
      if (!isApi(ctx.path)) return next();
      ctx.respond = false;
      if (down || !media) {
        ctx.req.socket.destroy();
        return;
      }
      inFlight.add(ctx.req);
      try {
        await new Promise((resolve) => {
          ctx.res.once('close', resolve);
          media.handler(ctx.req, ctx.res);
        });
      } finally {
        inFlight.delete(ctx.req);
      }
    },
    async restart() {
      down = true;
      for (const req of inFlight) req.socket.destroy();
      // let server-kit finish the aborted requests before its database closes under them
      await new Promise((resolve) => setTimeout(resolve, 200));
      await media.close();
      await start();
      down = false;
    },
    plugin: {
      name: 'mediabay-server',
      async serverStart({ server }) {
        httpServer = server;
        dataDir = await mkdtemp(join(tmpdir(), prefix));
        await start();
      },
      async serverStop() {
        await media?.close();
        if (dataDir) await rm(dataDir, { recursive: true, force: true });
      },
    },
  };
}
