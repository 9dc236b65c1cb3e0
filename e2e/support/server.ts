// Starts the real `mediabay serve` CLI on a free loopback port, the way a user would, and stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../packages/server-kit/bin/mediabay.js', import.meta.url));

export interface RunningServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * `demo`: a directory to serve at `/` instead of examples/vanilla (an example's Vite build); `args`:
 * more flags of `mediabay serve` (`--allowed-origins …`).
 */
export async function startServer(
  dataDir: string,
  options: { demo?: string; args?: string[] } = {},
): Promise<RunningServer> {
  const demo = [...(options.demo ? ['--demo', options.demo] : []), ...(options.args ?? [])];
  const child: ChildProcess = spawn(
    process.execPath,
    [cli, 'serve', '--port', '0', '--host', '127.0.0.1', '--data', dataDir, ...demo],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not print its URL:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/?/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0].endsWith('/') ? match[0] : `${match[0]}/`);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await once(child, 'exit');
      clearTimeout(timer);
    },
  };
}
