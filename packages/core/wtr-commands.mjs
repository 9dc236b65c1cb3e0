// Server commands for core's browser tests (executeServerCommand): real second tabs in the same
// browser profile, page reloads, files on disk picked through <input type=file>, a server restart,
// and network faults in front of the tus endpoint with a log of what the server saw.
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm, unlink, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TUS_PATH = '/api/media/uploads';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Holds what the server writes to `res` for `ms`, then sends it: the server kit has finished the
 * request, the browser hears nothing yet (a slow or buffering link on the way back). Nothing is sent
 * if the browser gave up meanwhile.
 */
function holdAnswer(res, ms) {
  const { write, end } = res;
  const held = [];
  res.write = (...args) => {
    held.push([write, args]);
    return true;
  };
  res.end = (...args) => {
    held.push([end, args]);
    setTimeout(() => {
      res.write = write;
      res.end = end;
      if (res.destroyed) return;
      for (const [send, sent] of held) send.apply(res, sent);
    }, ms);
    return res;
  };
}

/** what the network does to tus requests: a delay per PATCH (pacing chunked uploads), failures, and
 * creating POSTs whose answers are held back */
function createNetwork() {
  let patchDelayMs = 0;
  let postAnswerDelayMs = 0;
  /** failures for the next PATCH requests, in order: 'destroy' (connection lost) or an HTTP status */
  let failures = [];
  let log = [];

  async function fail(ctx, failure) {
    ctx.respond = false;
    // read the body first: answering mid-body would reach the browser as a lost connection instead
    ctx.req.resume();
    if (!ctx.req.readableEnded) await once(ctx.req, 'end').catch(() => {});
    if (failure.mode === 'destroy') {
      // the connection dies once the answer has begun: with nothing received, Chromium would quietly
      // resend the request on a fresh connection and the client would never see the failure
      ctx.res.writeHead(200, { 'Content-Length': '100' });
      ctx.res.write('x');
      setTimeout(() => ctx.req.socket.destroy(), 10);
      return;
    }
    const body = JSON.stringify({ error: { code: failure.code ?? 'unavailable', message: failure.message } });
    ctx.res.writeHead(failure.mode, {
      'Content-Type': 'application/json',
      'Tus-Resumable': '1.0.0',
      ...(failure.retryAfter ? { 'Retry-After': failure.retryAfter } : {}),
    });
    ctx.res.end(body);
  }

  return {
    set(options = {}) {
      patchDelayMs = options.patchDelayMs ?? 0;
      postAnswerDelayMs = options.postAnswerDelayMs ?? 0;
      failures = [...(options.failures ?? [])];
      log = [];
    },
    log: () => log,
    async middleware(ctx, next) {
      if (!ctx.path.startsWith(TUS_PATH)) return next();
      const entry = {
        method: ctx.method,
        path: ctx.path,
        offset: ctx.get('upload-offset') === '' ? null : Number(ctx.get('upload-offset')),
        at: Date.now(),
        status: null,
        fault: null,
      };
      log.push(entry);
      ctx.res.once('close', () => {
        entry.end = Date.now();
        entry.status ??= ctx.res.writableFinished ? ctx.res.statusCode : 'aborted';
      });
      if (ctx.method === 'POST' && postAnswerDelayMs) holdAnswer(ctx.res, postAnswerDelayMs);
      if (ctx.method === 'PATCH') {
        const failure = failures.shift();
        if (failure) {
          entry.fault = failure.mode;
          if (failure.mode === 'destroy') entry.status = 'destroyed';
          return fail(ctx, failure);
        }
        if (patchDelayMs) {
          await sleep(patchDelayMs);
          // a PATCH the browser gave up on (pause) during the wait goes no further: were it to land
          // after the next HEAD, the following PATCH would meet a 409 (a buffering proxy can do that)
          if (ctx.req.destroyed) {
            ctx.respond = false;
            return;
          }
        }
      }
      return next();
    },
  };
}

/** files on disk with random bytes, so a picked File is backed by a real file, as a user's is */
function createDiskFiles() {
  let dir;
  const made = new Map();

  async function write(path, seed, size) {
    const handle = await open(path, 'w');
    try {
      for (let at = 0; at < size; at += seed.length)
        await handle.write(seed, 0, Math.min(seed.length, size - at));
    } finally {
      await handle.close();
    }
  }

  return {
    async make({ name, size }) {
      dir ??= await mkdtemp(join(tmpdir(), 'mediabay-core-files-'));
      const path = join(dir, name);
      const seed = randomBytes(1024 * 1024);
      await write(path, seed, size);
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(path)) hash.update(chunk);
      const mtime = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
      await utimes(path, mtime, mtime);
      made.set(path, { seed, size, mtime });
      return { path, sha256: hash.digest('hex') };
    },
    remove: ({ path }) => unlink(path),
    /** the same bytes and modification time again: to the browser it is the same file */
    async restore({ path }) {
      const { seed, size, mtime } = made.get(path);
      await write(path, seed, size);
      await utimes(path, mtime, mtime);
    },
    async cleanup() {
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** second tabs are real pages in the test page's browser context: same IndexedDB, channels, locks */
function createTabs() {
  const pages = new Map();
  let next = 0;
  const ready = (page) => page.waitForFunction('window.harness?.ready === true', { timeout: 10_000 });

  return {
    async open(testPage, { path }) {
      const page = await testPage.browserContext().newPage();
      page.on('pageerror', (error) => console.error(`[tab] ${error.message}`));
      await page.goto(new URL(path, testPage.url()).href);
      await ready(page);
      const id = `tab-${++next}`;
      pages.set(id, page);
      return id;
    },
    // wrapped: a command answering null or nothing would read as "unknown command" to wtr
    call: async ({ tab, method, args = [] }) => ({
      value: await pages
        .get(tab)
        .evaluate((name, values) => window.harness[name](...values) ?? null, method, args),
    }),
    async reload({ tab }) {
      await pages.get(tab).reload();
      await ready(pages.get(tab));
    },
    async close({ tab }) {
      const page = pages.get(tab);
      pages.delete(tab);
      await page?.close();
    },
    async closeAll() {
      await Promise.all([...pages.values()].map((page) => page.close().catch(() => {})));
      pages.clear();
    },
    async choose(testPage, { tab, selector, paths }) {
      const page = tab ? pages.get(tab) : testPage;
      const input = await page.$(selector);
      await input.uploadFile(...paths);
    },
  };
}

export function testCommands({ restart }) {
  const network = createNetwork();
  const files = createDiskFiles();
  const tabs = createTabs();
  const handlers = {
    'tab-open': (payload, page) => tabs.open(page, payload),
    'tab-call': (payload) => tabs.call(payload),
    'tab-reload': (payload) => tabs.reload(payload),
    'tab-close': (payload) => tabs.close(payload),
    'tab-close-all': () => tabs.closeAll(),
    'choose-files': (payload, page) => tabs.choose(page, payload),
    'disk-file': (payload) => files.make(payload),
    'disk-file-remove': (payload) => files.remove(payload),
    'disk-file-restore': (payload) => files.restore(payload),
    'media-restart': () => restart(),
    network: (payload) => network.set(payload),
    'network-log': () => network.log(),
  };
  return {
    middleware: network.middleware,
    plugin: {
      name: 'mediabay-core-commands',
      async executeCommand({ command, payload, session }) {
        const handler = handlers[command];
        if (!handler) return undefined;
        const page = session.browser.getPage(session.id);
        // a command that returns nothing must still answer, or wtr reports it as unknown
        return (await handler(payload ?? {}, page)) ?? true;
      },
      async serverStop() {
        await files.cleanup();
      },
    },
  };
}
