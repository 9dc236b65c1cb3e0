// Connections that never send a byte: Node times out slow headers (headersTimeout) but not a
// connection that stays silent, so a caller could hold descriptors until the server has none left.
// Each new connection that has sent nothing after `ms` is destroyed.
import type { Server as HttpServer } from 'node:http';
import type { Socket } from 'node:net';

const watched = new WeakSet<HttpServer>();

export function closeSilentConnections(server: HttpServer, ms: number): void {
  if (ms <= 0 || watched.has(server)) return;
  watched.add(server);
  server.on('connection', (socket: Socket) => {
    const timer = setTimeout(() => {
      if (socket.bytesRead === 0) socket.destroy();
    }, ms);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  });
}
