// Parses `mediabay serve [--port 3000] [--host 127.0.0.1] [--data ./mediabay-data] [--demo <dir>]
// [--database postgres://…] [--storage s3://…] [--redis redis://…] [--trust-proxy N]`; database,
// storage and redis default to MEDIABAY_DATABASE, MEDIABAY_STORAGE and MEDIABAY_REDIS.
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
  let fromFlags = false;
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i] as string;
    const [name, inline] =
      flag.startsWith('--') && flag.includes('=') ? flag.split(/=(.*)/s, 2) : [flag, undefined];
    const value = inline ?? rest[++i];
    if (value === undefined) throw new Error(`${name} needs a value.\n${USAGE}`);
    switch (name) {
      case '--port': {
        const port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new Error(`--port must be 0-65535, not "${value}".`);
        args.port = port;
        break;
      }
      case '--host':
        args.host = value;
        break;
      case '--data':
        args.data = value;
        break;
      case '--demo':
        args.demo = value;
        break;
      case '--trust-proxy': {
        const hops = Number(value);
        if (!Number.isInteger(hops) || hops < 0)
          throw new Error(`--trust-proxy must be a number of proxies (0 or more), not "${value}".`);
        args.trustProxy = hops;
        break;
      }
      case '--allowed-origins': {
        // flags replace the environment's list; repeated flags add up
        const given = parseOrigins(value, '--allowed-origins');
        args.allowedOrigins = [...new Set([...(fromFlags ? (args.allowedOrigins ?? []) : []), ...given])];
        fromFlags = true;
        break;
      }
      case '--processing':
        if (value !== 'here' && value !== 'workers')
          throw new Error(`--processing is here or workers, not "${value}".`);
        args.processing = value;
        break;
      case '--concurrency': {
        const jobs = Number(value);
        if (!Number.isInteger(jobs) || jobs < 1)
          throw new Error(`--concurrency must be a whole number of jobs (1 or more), not "${value}".`);
        args.concurrency = jobs;
        break;
      }
      case '--public-host':
        args.publicHosts = [...(args.publicHosts ?? []), ...parseHosts(value, '--public-host')];
        break;
      case '--database':
      case '--storage':
      case '--redis':
        args[name.slice(2) as keyof typeof ENV_DEFAULTS] = value;
        break;
      default:
        throw new Error(`Unknown option "${name}".\n${USAGE}`);
    }
  }
  return args;
}
