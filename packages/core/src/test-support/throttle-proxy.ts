// Test support: a TCP proxy on 127.0.0.1 that limits the client->server byte rate, so an upload on
// loopback lasts long enough to pause, kill or restart the server in the middle of it.
import net from 'node:net';

export interface ThrottleProxy {
  url: string;
  /** bytes per second towards the server */
  rate: number;
  /** drops every open connection (a network failure as the client sees it) */
  dropConnections(): void;
  close(): Promise<void>;
}

export async function startThrottleProxy(
  target: { host: string; port: number },
  rate: number,
): Promise<ThrottleProxy> {
  const sockets = new Set<net.Socket>();
  const proxy: ThrottleProxy = {
    url: '',
    rate,
    dropConnections() {
      for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        proxy.dropConnections();
        server.close(() => resolve());
      }),
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const forget = () => {
      sockets.delete(client);
      sockets.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', forget).on('close', forget);
    upstream.on('error', forget).on('close', forget);
    upstream.pipe(client);
    // 16 KiB slices, each followed by the pause the rate asks for
    client.on('data', (data: Buffer) => {
      client.pause();
      let offset = 0;
      const next = () => {
        if (offset >= data.length || upstream.destroyed) {
          client.resume();
          return;
        }
        const slice = data.subarray(offset, offset + 16_384);
        offset += slice.length;
        upstream.write(slice);
        setTimeout(next, (slice.length / proxy.rate) * 1000);
      };
      next();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  proxy.url = `http://127.0.0.1:${address.port}`;
  return proxy;
}
