// Test support: a real @tus/server with @tus/file-store on 127.0.0.1, recording what it was sent,
// plus the small REST/form routes core talks to (form upload, operation status).
import http from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type net from 'node:net';
import { Server } from '@tus/server';
import { FileStore } from '@tus/file-store';

export interface TusTestServer {
  /** REST base, e.g. http://127.0.0.1:1234/api/media */
  endpoint: string;
  port: number;
  dir: string;
  /** Upload-Offset of every PATCH received, in order */
  patchOffsets: number[];
  /** headers of every request received */
  requests: { method: string; url: string; headers: http.IncomingHttpHeaders }[];
  /** tus metadata of every finished upload */
  finished: Record<string, string | null>[];
  bytesOf(uploadUrl: string): Promise<Buffer>;
  close(): Promise<void>;
}

export async function startTusServer(options: { dir?: string; port?: number } = {}): Promise<TusTestServer> {
  const dir = options.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'mediabay-core-tus-')));
  const ownsDir = !options.dir;
  const finished: Record<string, string | null>[] = [];
  const tus = new Server({
    path: '/api/media/uploads',
    datastore: new FileStore({ directory: dir }),
    async onUploadFinish(_req, upload) {
      finished.push(upload.metadata ?? {});
      return {};
    },
  });
  const result: TusTestServer = {
    endpoint: '',
    port: 0,
    dir,
    patchOffsets: [],
    requests: [],
    finished,
    bytesOf: (uploadUrl) => readFile(path.join(dir, new URL(uploadUrl).pathname.split('/').pop()!)),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownsDir) await rm(dir, { recursive: true, force: true });
    },
  };
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    result.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    if (req.method === 'PATCH') result.patchOffsets.push(Number(req.headers['upload-offset']));
    if (req.url?.startsWith('/api/media/uploads')) {
      void tus.handle(req, res);
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'not-found', message: 'No such route.' } }));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.requestTimeout = 0;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  result.port = (server.address() as net.AddressInfo).port;
  result.endpoint = `http://127.0.0.1:${result.port}/api/media`;
  return result;
}
