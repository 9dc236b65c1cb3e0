// A real server-kit in its own process (so a test can kill -9 it and start it again on the same data
// directory and port) behind a small fault-injecting HTTP proxy mounted in the test server at
// FAULTY_BASE: refused connections, connections reset after the request, answers of any status with
// Retry-After, and held requests; with a log of every request and what happened to it.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FAULTY_BASE = '/faulty/api/media';
const CHILD = fileURLToPath(new URL('./wtr-server-child.mjs', import.meta.url));

/** the server process: start() on the first free port, later on the same one; kill() is SIGKILL */
function serverProcess() {
  let child = null;
  let port = 0;
  let dataDir = null;

  return {
    get port() {
      return port;
    },
    async start() {
      dataDir ??= await mkdtemp(join(tmpdir(), 'mediabay-core-faulty-'));
      child = spawn(process.execPath, [CHILD, String(port), dataDir, FAULTY_BASE], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let output = '';
      child.stdout.setEncoding('utf8');
      const listening = new Promise((resolve, reject) => {
        child.stdout.on('data', (text) => {
          output += text;
          const match = /listening (\d+)/.exec(output);
          if (match) resolve(Number(match[1]));
        });
        child.once('exit', (code) => reject(new Error(`server process exited (${code}): ${output}`)));
      });
      port = await listening;
    },
    async kill() {
      if (!child || child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
      child = null;
    },
    async stop() {
      await this.kill();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
      dataDir = null;
    },
  };
}

/**
 * `fault`: { mode: 'pass' | 'refuse' | 'reset' | 'status' | 'hold', status?, retryAfter?, code?,
 * message?, methods?: string[] (default all), tusOnly?: boolean, count?: number (then back to pass) }
 */
export function createFaultyServer() {
  const server = serverProcess();
  let fault = { mode: 'pass' };
  let log = [];
  const held = new Set();

  const applies = (req) =>
    fault.mode !== 'pass' &&
    (!fault.methods || fault.methods.includes(req.method)) &&
    (!fault.tusOnly || req.url.startsWith(`${FAULTY_BASE}/uploads`));

  /** reads the request body before answering: an answer mid-body reaches a browser as a reset */
  async function drain(req) {
    req.resume();
    if (!req.readableEnded) await once(req, 'end').catch(() => {});
  }

  function forward(req, res, entry) {
    if (req.destroyed || res.destroyed) {
      entry.outcome = 'gone';
      return;
    }
    const upstream = http.request(
      { host: '127.0.0.1', port: server.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        entry.status = answer.statusCode;
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      // the server is gone (killed): the browser sees its connection drop, as it would
      entry.outcome ??= 'down';
      req.socket.destroy();
    });
    res.on('close', () => {
      entry.end = Date.now();
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  }

  async function handle(req, res) {
    const entry = { method: req.method, path: req.url, at: Date.now(), status: null, outcome: null };
    log.push(entry);
    if (!applies(req)) return forward(req, res, entry);
    const current = fault;
    if (current.count !== undefined && --current.count <= 0) fault = { mode: 'pass' };
    entry.outcome = current.mode;
    if (current.mode === 'refuse') return void req.socket.destroy();
    if (current.mode === 'hold') return void held.add(() => forward(req, res, entry));
    await drain(req);
    if (current.mode === 'reset') {
      // the answer begins, then the connection dies: with nothing received Chromium would quietly
      // send the request again on a fresh connection
      res.writeHead(200, { 'Content-Length': '100' });
      res.write('x');
      setTimeout(() => req.socket.destroy(), 10);
      return;
    }
    entry.status = current.status;
    const headers = { 'Content-Type': 'application/json', 'Tus-Resumable': '1.0.0' };
    if (current.retryAfter !== undefined) headers['Retry-After'] = String(current.retryAfter);
    res.writeHead(current.status, headers);
    res.end(
      JSON.stringify({
        error: { code: current.code ?? 'unavailable', message: current.message ?? 'Not now.' },
      }),
    );
  }

  const commands = {
    'faulty-start': async () => {
      if (!server.port) await server.start();
      fault = { mode: 'pass' };
      log = [];
      return FAULTY_BASE;
    },
    fault: (payload) => {
      fault = { mode: 'pass', ...payload };
      if (fault.mode !== 'hold') for (const release of held) release();
      if (fault.mode !== 'hold') held.clear();
      return true;
    },
    'faulty-log': () => log,
    'faulty-kill': () => server.kill(),
    'faulty-restart': () => server.start(),
  };

  return {
    commands,
    middleware: async (ctx, next) => {
      if (!ctx.path.startsWith(`${FAULTY_BASE}/`) && ctx.path !== FAULTY_BASE) return next();
      ctx.respond = false;
      await handle(ctx.req, ctx.res);
    },
    stop: () => server.stop(),
  };
}
