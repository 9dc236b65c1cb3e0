// The tus checksum extension: a PATCH (or a creating POST with bytes) may carry
// `Upload-Checksum: <algorithm> <base64 digest>`. Its bytes are spooled to a temporary file while
// hashed, and handed to the store only when the digest matches: a mismatch is answered
// `460 checksum-mismatch` and nothing of that request is stored (the offset stays where it was).
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DataStore } from '@tus/utils';
import { HttpError } from '../http/errors.js';
import { withMethods } from './store-proxy.js';

/** Advertised in Tus-Checksum-Algorithm, strongest last. */
export const CHECKSUM_ALGORITHMS = ['md5', 'sha1', 'sha256', 'sha512'] as const;
type Algorithm = (typeof CHECKSUM_ALGORITHMS)[number];

export interface Checksum {
  algorithm: Algorithm;
  digest: Buffer;
}

const DIGEST_BYTES: Record<Algorithm, number> = { md5: 16, sha1: 20, sha256: 32, sha512: 64 };
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** undefined without the header; 400 for an unknown algorithm or a malformed digest (tus 1.0). */
export function parseChecksum(header: string | string[] | undefined): Checksum | undefined {
  if (header === undefined) return undefined;
  const [name = '', value = '', ...rest] = String(header).trim().split(' ');
  const algorithm = name.toLowerCase() as Algorithm;
  if (!CHECKSUM_ALGORITHMS.includes(algorithm)) {
    throw new HttpError(
      400,
      'unsupported-checksum',
      `Upload-Checksum algorithms supported here: ${CHECKSUM_ALGORITHMS.join(', ')}.`,
    );
  }
  const digest = Buffer.from(value, 'base64');
  if (rest.length > 0 || !BASE64.test(value) || digest.length !== DIGEST_BYTES[algorithm]) {
    throw new HttpError(400, 'invalid-checksum', 'Upload-Checksum must be "<algorithm> <base64 digest>".');
  }
  return { algorithm, digest };
}

const expected = new AsyncLocalStorage<Checksum>();
/** requests with a checksum being handled: the storage is disabled when none is (see below) */
let checked = 0;

/**
 * Runs `work` (tus handling one request) with the request's checksum known to the store. Only a
 * request with a checksum enters the AsyncLocalStorage, and it is disabled again once no such
 * request runs: on Node 20 an enabled one tracks every promise of the process (async hooks).
 */
export async function withChecksum<T>(checksum: Checksum | undefined, work: () => Promise<T>): Promise<T> {
  if (!checksum) return work();
  checked += 1;
  try {
    return await expected.run(checksum, work);
  } finally {
    checked -= 1;
    if (checked === 0) expected.disable();
  }
}

async function spool(source: Readable, file: string, checksum: Checksum): Promise<void> {
  const hash = createHash(checksum.algorithm);
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(source, tap, createWriteStream(file, { flags: 'wx' }));
  if (!hash.digest().equals(checksum.digest)) {
    throw new HttpError(460, 'checksum-mismatch', 'The bytes sent do not match their Upload-Checksum.');
  }
}

const SPOOL_LEFTOVER_MS = 24 * 60 * 60 * 1000;

/** Spool files a crash left behind (a day old: another instance on this directory may be writing). */
async function sweepSpool(spoolDir: string): Promise<void> {
  const names = await fs.readdir(spoolDir).catch(() => []);
  for (const name of names) {
    const file = path.join(spoolDir, name);
    const stat = await fs.stat(file).catch(() => undefined);
    if (stat && Date.now() - stat.mtimeMs > SPOOL_LEFTOVER_MS) await fs.rm(file, { force: true });
  }
}

/** `store` with the checksum extension: writes under a checksum go through a verified spool. */
export function verifyChecksums(store: DataStore, spoolDir: string): DataStore {
  void sweepSpool(spoolDir).catch(() => undefined);
  async function write(source: Readable, id: string, offset: number): Promise<number> {
    const checksum = expected.getStore();
    if (!checksum) return store.write(source, id, offset);
    await fs.mkdir(spoolDir, { recursive: true });
    const file = path.join(spoolDir, randomBytes(16).toString('hex'));
    try {
      await spool(source, file, checksum);
      return await store.write(createReadStream(file), id, offset);
    } finally {
      await fs.rm(file, { force: true });
    }
  }
  return withMethods(store, { write, extensions: [...store.extensions, 'checksum'] });
}
