// Options of createMediaServer and their defaults: what a host app may configure, resolved once.
import { consoleLogger, type Logger } from './logger.js';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AuthContext } from './access/auth-context.js';
import { defaultAuthorize, type Authorize } from './access/authorize.js';
import { DEFAULT_REFUSAL_BOUNDS, type RefusalBounds } from './access/socket-refusals.js';
import type { EventBus } from './bus/event-bus.js';
import type { MediaDatabase } from './db/database.js';
import { checkSigningSecret } from './media/signed-urls.js';
import { DEFAULT_UPLOAD_QUOTAS, type UploadQuotaLimits } from './media/upload-quota-limits.js';
import type { MediaStorage } from './storage/storage.js';

export type { AuthContext };

/** Returns the caller, or null (answered with 401). May throw an HttpError for a custom status. */
export type Authenticate = (req: IncomingMessage) => AuthContext | null | Promise<AuthContext | null>;

export interface MediaLimits {
  /** Largest accepted file in bytes (tus Upload-Length and multipart). Default 10 GiB. */
  maxFileSize?: number;
  /** Incomplete tus uploads older than this are removed, in ms. Default 24 h. */
  uploadExpiryMs?: number;
  /** Longest an ffprobe/ffmpeg job may run, in ms. Default 60 s. */
  processingTimeoutMs?: number;
  /** Largest image or video frame processed, in pixels (width x height); bigger files are refused. Default 50 MP. */
  maxPixels?: number;
  /** Peak memory of one ffprobe/ffmpeg child in bytes (it also gets CPU-time and wall-clock caps). Default 512 MiB. */
  processingMemoryBytes?: number;
  /** Accepted types, checked against the type sniffed from the bytes: `video/*`, `image/png`... Default: all. */
  allowedTypes?: string[];
  /**
   * A request body (tus PATCH, multipart, JSON) that sends no byte for this long has its connection
   * closed, however long it has run; a tus upload then resumes from what was written. Default 60 s; 0: off.
   */
  bodyIdleTimeoutMs?: number;
  /**
   * Unfinished uploads one user and one tenant may have (default 1,000 and 10,000), 429
   * `quota-exceeded` with Retry-After beyond.
   */
  pendingUploads?: Partial<UploadQuotaLimits['pendingUploads']>;
  /**
   * Bytes the unfinished uploads of one user and one tenant may declare (default 100 GiB and 1 TiB),
   * 429 `quota-exceeded` beyond (413 for one upload bigger than that on its own).
   */
  reservedBytes?: Partial<UploadQuotaLimits['reservedBytes']>;
  /** Files one tenant may hold. Default: unlimited. */
  maxFilesPerTenant?: number;
  /**
   * API requests one caller (the user; the address for the anonymous demo) may make per window, 429
   * with Retry-After beyond. Uploads count in `uploadRateLimit` instead. Default 600 per minute; 0: off.
   */
  rateLimit?: { max: number; windowMs: number };
  /**
   * Uploads one caller may start per window (tus POST and multipart; a tus upload's PATCH and HEAD
   * requests do not count), 429 with Retry-After beyond. Shared through Redis when `redis` is set.
   * Default 12,000 per 15 minutes (a batch of 10,000 files passes); 0: off.
   */
  uploadRateLimit?: { max: number; windowMs: number };
  /** Days a file stays in the trash before the sweep purges it. Default 30; Infinity: kept until purged. */
  trashRetentionDays?: number;
}

export interface MediaServerOptions {
  /** Directory for uploaded bytes and the SQLite database (created if missing). */
  dataDir: string;
  authenticate?: Authenticate;
  /** Replaces the built-in role rules (`viewer`, `editor`, `admin`): see README "Roles". */
  authorize?: Authorize;
  /**
   * Audit log: entries older than `retentionMs` are removed by the periodic sweep (default: kept).
   * Refused socket upgrades are recorded at most `perCaller` times per caller (default 5) and
   * `unknownCallers` times for all callers nobody knows (default 60) per `windowMs` (default 1 min);
   * the rest are counted into one summary entry per tenant and window.
   */
  audit?: { retentionMs?: number; refusedSockets?: Partial<RefusalBounds> };
  limits?: MediaLimits;
  /** Where the REST API lives; tus at `${basePath}/uploads`, socket at `${basePath}/events`. */
  basePath?: string;
  /** Local disk by default; an `s3://BUCKET?endpoint=…&region=…&forcePathStyle=true` URL; or your own. */
  storage?: MediaStorage | string;
  /** SQLite in `dataDir` by default; a `postgres://USER:PASS@HOST:PORT/DB` URL; or your own. */
  database?: MediaDatabase | string;
  /**
   * `redis://HOST:PORT`: needed when several instances serve one library. It carries events between
   * them, locks tus uploads and caches S3 upload info for all of them.
   */
  redis?: string;
  /** In-process by default (or Redis pub/sub when `redis` is set), or your own. */
  bus?: EventBus;
  /** This instance's name in processing leases (and logs). Default: a random UUID per start. */
  instanceId?: string;
  /** Scale-out timings: processing leases and upload locks end this long after their holder died. Default 30 s each. */
  leases?: { processingMs?: number; uploadLockMs?: number };
  /** Parallel processing jobs. Default: number of cores. */
  concurrency?: number;
  /**
   * Where processing jobs run: `here` (default) in this process, or `workers`: only in
   * `mediabay worker` processes (createMediaWorker) sharing the PostgreSQL database and Redis.
   */
  processing?: 'here' | 'workers';
  /**
   * Origins (`https://app.example`) besides the API's own that may change state, open the socket
   * and read the API cross-origin (CORS). Default: none.
   */
  allowedOrigins?: string[];
  /**
   * The key (a string of at least 32 bytes) that signs the media URLs of every MediaFile, so
   * `<img>`/`<video>`/`<track>` load without credentials. Default: one generated at the first start
   * and stored in the database, shared by every instance of that database. Give the same value to
   * every instance when they do not share a database.
   */
  urlSigningSecret?: string;
  /**
   * Reverse proxies in front of the server whose X-Forwarded-For and X-Forwarded-Host it believes
   * (the caller's address in the audit log, the API's own origin). `true` means one. Default: none,
   * so a caller cannot write its own address.
   */
  trustProxy?: boolean | number;
  /** How long close() waits for requests in progress (a PATCH mid-upload). Default 10 s. */
  closeGraceMs?: number;
  /**
   * The host names (`media.example.com`, ports ignored) the API and socket answer for; any other Host
   * header gets 421 `unknown-host` (DNS rebinding). Default: every host (no check).
   */
  allowedHosts?: string[];
  /**
   * Socket tuning: ping interval (default 30 s), the buffered bytes at which progress coalesces, open
   * sockets per caller (user, or address for the anonymous demo; default 32, 0: no cap) and upgrades
   * from one address being checked at once (default 16); beyond either the upgrade gets 429.
   */
  socket?: {
    heartbeatMs?: number;
    highWaterMark?: number;
    maxPerCaller?: number;
    maxPendingPerAddress?: number;
  };
  /**
   * Where failures that do not fail a request are reported (a store or sweep that failed, the error
   * behind a 500): `error`, `warn`, `info` with a message and its details. Default: the console.
   */
  logger?: Logger;
}

export interface ResolvedOptions {
  dataDir: string;
  basePath: string;
  authenticate: Authenticate;
  authorize: Authorize;
  auditRetentionMs: number;
  refusedSockets: RefusalBounds;
  limits: Required<Omit<MediaLimits, keyof UploadQuotaLimits>> & UploadQuotaLimits;
  concurrency: number;
  processing: 'here' | 'workers';
  allowedOrigins: string[];
  urlSigningSecret: string | undefined;
  trustProxy: number;
  socket: { heartbeatMs: number; highWaterMark: number; maxPerCaller: number; maxPendingPerAddress: number };
  closeGraceMs: number;
  allowedHosts: string[] | undefined;
  leases: { processingMs: number; uploadLockMs: number };
  instanceId: string;
  logger: Logger;
}

/** The demo's single open tenant: everyone is the same user. */
export const OPEN_TENANT: AuthContext = { userId: 'anonymous', tenantId: 'default', roles: ['admin'] };

function proxyHops(trustProxy: boolean | number | undefined): number {
  if (trustProxy === undefined || typeof trustProxy === 'boolean') return trustProxy ? 1 : 0;
  if (!Number.isInteger(trustProxy) || trustProxy < 0)
    throw new TypeError(
      `trustProxy must be true, false or a number of proxies (0 or more), not ${trustProxy}.`,
    );
  return trustProxy;
}

export function resolveOptions(options: MediaServerOptions): ResolvedOptions {
  if (!options || typeof options.dataDir !== 'string' || options.dataDir === '') {
    throw new TypeError('createMediaServer: `dataDir` is required');
  }
  const limits = options.limits ?? {};
  return {
    dataDir: path.resolve(options.dataDir),
    basePath: (options.basePath ?? '/api/media').replace(/\/+$/, ''),
    authenticate: options.authenticate ?? (() => OPEN_TENANT),
    authorize: options.authorize ?? defaultAuthorize,
    auditRetentionMs: options.audit?.retentionMs ?? Number.POSITIVE_INFINITY,
    refusedSockets: { ...DEFAULT_REFUSAL_BOUNDS, ...options.audit?.refusedSockets },
    limits: {
      maxFileSize: limits.maxFileSize ?? 10 * 1024 ** 3,
      uploadExpiryMs: limits.uploadExpiryMs ?? 24 * 60 * 60 * 1000,
      processingTimeoutMs: limits.processingTimeoutMs ?? 60_000,
      maxPixels: limits.maxPixels ?? 50_000_000,
      processingMemoryBytes: limits.processingMemoryBytes ?? 512 * 1024 * 1024,
      allowedTypes: limits.allowedTypes ?? ['*/*'],
      bodyIdleTimeoutMs: limits.bodyIdleTimeoutMs ?? 60_000,
      maxFilesPerTenant: limits.maxFilesPerTenant ?? Number.POSITIVE_INFINITY,
      rateLimit: limits.rateLimit ?? { max: 600, windowMs: 60_000 },
      uploadRateLimit: limits.uploadRateLimit ?? { max: 12_000, windowMs: 15 * 60_000 },
      trashRetentionDays: limits.trashRetentionDays ?? 30,
      pendingUploads: { ...DEFAULT_UPLOAD_QUOTAS.pendingUploads, ...limits.pendingUploads },
      reservedBytes: { ...DEFAULT_UPLOAD_QUOTAS.reservedBytes, ...limits.reservedBytes },
    },
    concurrency: Math.max(1, options.concurrency ?? os.availableParallelism()),
    processing: options.processing === 'workers' ? 'workers' : 'here',
    allowedOrigins: options.allowedOrigins ?? [],
    urlSigningSecret:
      options.urlSigningSecret === undefined ? undefined : checkSigningSecret(options.urlSigningSecret),
    trustProxy: proxyHops(options.trustProxy),
    closeGraceMs: options.closeGraceMs ?? 10_000,
    allowedHosts: options.allowedHosts,
    instanceId: options.instanceId ?? randomUUID(),
    logger: options.logger ?? consoleLogger,
    leases: {
      processingMs: options.leases?.processingMs ?? 30_000,
      uploadLockMs: options.leases?.uploadLockMs ?? 30_000,
    },
    socket: {
      heartbeatMs: options.socket?.heartbeatMs ?? 30_000,
      highWaterMark: options.socket?.highWaterMark ?? 64 * 1024,
      maxPerCaller: options.socket?.maxPerCaller ?? 32,
      maxPendingPerAddress: options.socket?.maxPendingPerAddress ?? 16,
    },
  };
}
