// `mediabay serve`: starts the media server with the demo page, prints its URL, stops cleanly.
import type { AddressInfo } from 'node:net';
import { parseArgs, USAGE } from './cli/args.js';
import { createDemoServer } from './cli/demo-server.js';

export async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  if (args.command === 'help') {
    console.log(USAGE);
    return;
  }
  const { server, media } = createDemoServer({
    dataDir: args.data,
    ...(args.demo ? { demoDir: args.demo } : {}),
  });
  await media.ready();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(args.port, args.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = args.host.includes(':') ? `[${args.host}]` : args.host;
  console.log(
    `Mediabay demo: http://${host}:${port}/\n` +
      `Data in ${args.data}. Single open tenant: no sign-in, every visitor shares one library.`,
  );

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    server.close();
    server.closeIdleConnections();
    void media.close().then(() => {
      clearTimeout(force);
      server.closeAllConnections();
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
