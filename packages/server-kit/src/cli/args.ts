// Parses `mediabay serve [--port 3000] [--host 127.0.0.1] [--data ./mediabay-data] [--demo <dir>]
// [--database postgres://…] [--storage s3://…] [--redis redis://…] [--trust-proxy N]`; database,
// storage and redis default to MEDIABAY_DATABASE, MEDIABAY_STORAGE and MEDIABAY_REDIS.
import { parseArgs as parseFlags, type ParseArgsConfig } from 'node:util';
import { MIN_SECRET_BYTES } from '../media/signed-urls.js';
import { parseHosts } from './hosts.js';

export interface ServeArgs {
  command: 'serve' | 'worker' | 'help';
  port: number;
  host: string;
  data: string;
  demo?: string;
  database?: string;
  storage?: string;
  redis?: string;
  /** reverse proxies in front whose X-Forwarded-* headers are believed */
  trustProxy?: number;
  /** host names the server answers for besides the loopback ones (DNS rebinding); --public-host */
  publicHosts?: string[];
  /** pages on these origins may embed the library (CORS, cookies, socket); --allowed-origins */
  allowedOrigins?: string[];
  /** serve: where processing jobs run (`here`, or `workers` only); --processing */
  processing?: 'here' | 'workers';
  /** parallel processing jobs; --concurrency */
  concurrency?: number;
  /** signs media URLs; only from MEDIABAY_URL_SIGNING_SECRET (a flag would show in `ps`) */
  urlSigningSecret?: string;
}

export const USAGE = `Usage: mediabay serve [--port 3000] [--host 127.0.0.1] [--data ./mediabay-data] [--demo <dir>]
         [--database postgres://USER:PASS@HOST:PORT/DB] [--storage 's3://BUCKET?endpoint=URL&region=R&forcePathStyle=true']
         [--redis redis://HOST:PORT] [--trust-proxy N (reverse proxies in front; default 0)]
         [--public-host media.example.com[,other.example] (repeatable; other Host headers get 421)]
         [--allowed-origins https://lms.example[,https://other.example] (repeatable)]
         [--processing here|workers (workers: jobs run only in \`mediabay worker\` processes)]
       mediabay worker --database postgres://… [--storage s3://…] [--redis redis://…] [--data <dir>]
         [--concurrency N] (runs processing jobs only: probe, poster, web rendition; no HTTP)
Environment: MEDIABAY_DATABASE, MEDIABAY_STORAGE, MEDIABAY_REDIS (defaults of the three flags above),
MEDIABAY_ALLOWED_ORIGINS (comma list; used when no --allowed-origins is given),
MEDIABAY_URL_SIGNING_SECRET (32+ bytes; signs media URLs; default: one kept in the database),
AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (S3 credentials).`;

const ENV_DEFAULTS = {
  database: 'MEDIABAY_DATABASE',
  storage: 'MEDIABAY_STORAGE',
  redis: 'MEDIABAY_REDIS',
} as const;

/** `https://a.example,https://b.example:8443` as origins; anything with a path or no scheme is refused. */
export function parseOrigins(list: string, source: string): string[] {
  const origins: string[] = [];
  for (const item of list.split(',').map((value) => value.trim())) {
    if (item === '') continue;
    let url: URL | undefined;
    try {
      url = new URL(item);
    } catch {
      url = undefined;
    }
    const bare = url && url.pathname === '/' && !url.search && !url.hash && !url.username;
    const origin = url?.origin;
    if (!url || !bare || !origin || origin === 'null' || !/^https?:$/.test(url.protocol))
      throw new Error(`${source}: "${item}" is not an origin like https://lms.example (no path).`);
    if (!origins.includes(origin)) origins.push(origin);
  }
  return origins;
}

/** The flags, read by node:util's parseArgs (strict: an unknown flag or a missing value is an error). */
const FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  demo: { type: 'string' },
  'trust-proxy': { type: 'string' },
  'allowed-origins': { type: 'string', multiple: true },
  processing: { type: 'string' },
  concurrency: { type: 'string' },
  'public-host': { type: 'string', multiple: true },
  database: { type: 'string' },
  storage: { type: 'string' },
  redis: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/** A whole number in [min, max], or the error `message` names. */
function wholeNumber(value: string, min: number, max: number, message: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isInteger(number) || number < min || number > max)
    throw new Error(message);
  return number;
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ServeArgs {
  const args: ServeArgs = { command: 'help', port: 3000, host: '127.0.0.1', data: './mediabay-data' };
  for (const [key, name] of Object.entries(ENV_DEFAULTS) as [keyof typeof ENV_DEFAULTS, string][]) {
    const value = env[name];
    if (value) args[key] = value;
  }
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return args;
  if (command !== 'serve' && command !== 'worker') throw new Error(`Unknown command "${command}".\n${USAGE}`);
  args.command = command;
  const fromEnv = env.MEDIABAY_ALLOWED_ORIGINS;
  if (fromEnv) args.allowedOrigins = parseOrigins(fromEnv, 'MEDIABAY_ALLOWED_ORIGINS');
  const secret = env.MEDIABAY_URL_SIGNING_SECRET;
  if (secret !== undefined && secret !== '') {
    if (Buffer.byteLength(secret) < MIN_SECRET_BYTES)
      throw new Error(`MEDIABAY_URL_SIGNING_SECRET must be at least ${MIN_SECRET_BYTES} bytes.`);
    args.urlSigningSecret = secret;
  }

  let flags: ReturnType<typeof parseFlags<{ args: string[]; options: typeof FLAGS; strict: true }>>['values'];
  try {
    flags = parseFlags({ args: rest, options: FLAGS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`, { cause: error });
  }
  if (flags.port !== undefined)
    args.port = wholeNumber(flags.port, 0, 65535, `--port must be 0-65535, not "${flags.port}".`);
  if (flags.host !== undefined) args.host = flags.host;
  if (flags.data !== undefined) args.data = flags.data;
  if (flags.demo !== undefined) args.demo = flags.demo;
  const hops = flags['trust-proxy'];
  if (hops !== undefined)
    args.trustProxy = wholeNumber(
      hops,
      0,
      Number.MAX_SAFE_INTEGER,
      `--trust-proxy must be a number of proxies (0 or more), not "${hops}".`,
    );
  // flags replace the environment's list; repeated flags add up
  const origins = flags['allowed-origins'];
  if (origins)
    args.allowedOrigins = [...new Set(origins.flatMap((list) => parseOrigins(list, '--allowed-origins')))];
  if (flags.processing !== undefined) {
    if (flags.processing !== 'here' && flags.processing !== 'workers')
      throw new Error(`--processing is here or workers, not "${flags.processing}".`);
    args.processing = flags.processing;
  }
  const jobs = flags.concurrency;
  if (jobs !== undefined)
    args.concurrency = wholeNumber(
      jobs,
      1,
      Number.MAX_SAFE_INTEGER,
      `--concurrency must be a whole number of jobs (1 or more), not "${jobs}".`,
    );
  const hosts = flags['public-host'];
  if (hosts) args.publicHosts = hosts.flatMap((list) => parseHosts(list, '--public-host'));
  for (const key of Object.keys(ENV_DEFAULTS) as (keyof typeof ENV_DEFAULTS)[])
    if (flags[key] !== undefined) args[key] = flags[key];
  return args;
}
