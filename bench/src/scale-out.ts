// `pnpm --filter @mediabay/bench run bench:scale-out`: uploads per second and bytes per second through one and
// through two `mediabay serve` instances sharing PostgreSQL, Redis and an S3 bucket, every piece on
// this machine's loopback (scripts/services starts them if MEDIABAY_TEST_* are not set). Prints a table.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'packages/server-kit/bin/mediabay.js');
const services = join(root, 'scripts/services/services.sh');
// pg is a dependency of the server kit, not of this script's folder
interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}
const pg = createRequire(join(root, 'packages/server-kit/package.json'))('pg') as {
  Client: new (options: { connectionString?: string }) => PgClient;
};
const MIB = 1024 * 1024;
const quick = process.argv.includes('--quick');

let startedServices = false;
if (!process.env.MEDIABAY_TEST_POSTGRES) {
  for (const line of execFileSync(services, ['start'], { encoding: 'utf8' }).split('\n')) {
    const match = /^export (\w+)=(.*)$/.exec(line);
    if (match) process.env[match[1] as string] = match[2];
  }
  startedServices = true;
}
const env = {
  ...process.env,
  AWS_ACCESS_KEY_ID: 'test:tester',
  AWS_SECRET_ACCESS_KEY: 'testing',
};

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.MEDIABAY_TEST_POSTGRES });
  await client.connect();
  await client.query(sql);
  await client.end();
}

async function startInstance(
  dir: string,
  database: string,
  storage: string,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      bin,
      'serve',
      '--port',
      '0',
      '--data',
      dir,
      '--database',
      database,
      '--storage',
      storage,
      '--redis',
      process.env.MEDIABAY_TEST_REDIS as string,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += String(chunk);
      const match = /Mediabay demo: (http:\/\/[^/\s]+)\//.exec(output);
      if (match) resolve(match[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`instance exited with ${code}: ${output}`)));
  });
  return { url, child };
}

async function upload(base: string, bytes: Uint8Array<ArrayBuffer>, name: string): Promise<void> {
  const meta = (value: string) => Buffer.from(value).toString('base64');
  const operationId = `media_upload_${Date.now()}_${Array.from(randomBytes(15), (b) => (b % 36).toString(36)).join('')}`;
  const created = await fetch(`${base}/api/media/uploads`, {
    method: 'POST',
    headers: {
      'Tus-Resumable': '1.0.0',
      'Upload-Length': String(bytes.length),
      'Upload-Metadata': `filename ${meta(name)},filetype ${meta('application/octet-stream')},operationId ${meta(operationId)}`,
    },
  });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${await created.text()}`);
  const location = new URL(created.headers.get('location') as string, base);
  const patched = await fetch(location, {
    method: 'PATCH',
    headers: {
      'Tus-Resumable': '1.0.0',
      'Upload-Offset': '0',
      'Content-Type': 'application/offset+octet-stream',
    },
    body: bytes,
  });
  if (patched.status !== 204) throw new Error(`patch: ${patched.status} ${await patched.text()}`);
}

/** `count` uploads of `size` bytes, `concurrency` at a time, spread round-robin over the instances. */
async function workload(urls: string[], count: number, size: number, concurrency: number): Promise<number> {
  const bytes = new Uint8Array(randomBytes(size)); // a plain ArrayBuffer behind it, as fetch bodies want
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const n = next++;
        await upload(urls[n % urls.length] as string, bytes, `bench-${n}.bin`);
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

const rows: Record<string, string | number>[] = [];
const dir = await mkdtemp(join(tmpdir(), 'mediabay-scale-bench-'));
try {
  for (const instances of [1, 2]) {
    const name = `bench_${randomBytes(4).toString('hex')}`;
    await admin(`CREATE DATABASE ${name}`);
    const database = `${process.env.MEDIABAY_TEST_POSTGRES?.replace(/\/[^/]*$/, '')}/${name}`;
    const storage = `s3://${name.replace('_', '-')}?endpoint=${process.env.MEDIABAY_TEST_S3}&region=us-east-1&forcePathStyle=true`;
    const started: { url: string; child: ChildProcess }[] = [];
    try {
      for (let i = 0; i < instances; i++)
        started.push(await startInstance(join(dir, `${name}-${i}`), database, storage));
      const urls = started.map((s) => s.url);
      const small = quick ? 40 : 200;
      const large = quick ? 4 : 16;
      const smallSeconds = await workload(urls, small, 64 * 1024, 16);
      const largeSeconds = await workload(urls, large, 16 * MIB, 8);
      rows.push({
        instances,
        [`uploads/s (${small} x 64 KiB, 16 at once)`]: (small / smallSeconds).toFixed(1),
        [`MiB/s (${large} x 16 MiB, 8 at once)`]: ((large * 16) / largeSeconds).toFixed(1),
      });
    } finally {
      for (const { child } of started) child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 500));
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  }
  console.log(
    `\nScale-out: tus uploads through mediabay serve on PostgreSQL + Redis + S3 (Swift s3api), ${cpus().length} cores, Node ${process.version}`,
  );
  console.table(rows);
  console.log(
    'Every service and every instance shares this machine, and the test S3 server (Swift, one process) is the\n' +
      'bottleneck: each tus upload is about ten S3 requests. The figures compare, they do not promise.',
  );
} finally {
  await rm(dir, { recursive: true, force: true });
  if (startedServices) execFileSync(services, ['stop']);
}
