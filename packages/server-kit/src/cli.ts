// `mediabay serve`: starts the media server with the demo page, prints its URL, stops cleanly.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs, USAGE } from './cli/args.js';
import { redact } from './config/service-urls.js';
import { createDemoServer } from './cli/demo-server.js';
import { allowedHostsFor } from './cli/hosts.js';
import { runWorker } from './cli/worker-command.js';

export async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  if (args.command === 'help') {
    console.log(USAGE);
    return;
  }
  if (args.command === 'worker') {
    await runWorker(args);
    return;
  }
  const allowedHosts = allowedHostsFor(args.host, args.publicHosts);
  if (!allowedHosts)
    console.warn(
      `Warning: listening on ${args.host} without --public-host: any Host header is answered ` +
        '(DNS rebinding); pass --public-host <the name clients use>.',
    );
  const { server, media, demoDir, elementsDir } = createDemoServer({
    dataDir: args.data,
    ...(args.database ? { database: args.database } : {}),
    ...(args.storage ? { storage: args.storage } : {}),
    ...(args.redis ? { redis: args.redis } : {}),
    ...(args.trustProxy ? { trustProxy: args.trustProxy } : {}),
    ...(allowedHosts ? { allowedHosts } : {}),
    ...(args.allowedOrigins?.length ? { allowedOrigins: args.allowedOrigins } : {}),
    ...(args.demo ? { demoDir: args.demo } : {}),
    ...(args.processing ? { processing: args.processing } : {}),
    ...(args.concurrency ? { concurrency: args.concurrency } : {}),
    ...(args.urlSigningSecret ? { urlSigningSecret: args.urlSigningSecret } : {}),
  });
  for (const [file, hint] of [
    [path.join(demoDir, 'index.html'), 'pass --demo <dir> with an index.html'],
    [path.join(elementsDir, 'mediabay-elements.bundle.js'), 'run `pnpm run build` first'],
  ] as const) {
    if (!existsSync(file)) console.warn(`Warning: ${file} is missing; ${hint}.`);
  }
  await media.ready();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(args.port, args.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = args.host.includes(':') ? `[${args.host}]` : args.host;
  const where = [
    args.database ? `metadata in ${redact(args.database)}` : `metadata in SQLite under ${args.data}`,
    args.storage ? `files in ${args.storage.split('?', 1)[0]}` : `files under ${args.data}`,
    ...(args.redis ? [`events and upload locks through ${redact(args.redis)}`] : []),
    ...(args.allowedOrigins?.length ? [`embeddable from ${args.allowedOrigins.join(', ')}`] : []),
  ];
  console.log(
    `Mediabay demo: http://${host}:${port}/\n` +
      `Using ${where.join(', ')}.\n` +
      `Single open tenant: no sign-in, every visitor shares one library.`,
  );

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    // past close()'s own grace period for running uploads (10 s), give up
    const force = setTimeout(() => process.exit(1), 15_000).unref();
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
