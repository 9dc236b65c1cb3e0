// Storage on an S3-compatible bucket (AWS S3, R2, B2, MinIO, Swift s3api): tus uploads through
// @tus/s3-store (multipart; incomplete ones expire and are aborted), everything else as plain objects.
// A tus upload's object key is its id; other keys are used as they are. Processing gets a temporary
// local copy, removed when released.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { S3, type S3ClientConfig } from '@aws-sdk/client-s3';
import { S3Store, type MetadataValue } from '@tus/s3-store';
import type { KvStore } from '@tus/utils';
import type { S3Location } from '../config/service-urls.js';
import { asStorageFailure } from './failures.js';
import { checkKey } from './keys.js';
import type { MediaStorage } from './storage.js';

export interface S3StorageOptions extends S3Location {
  /** Default: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or the SDK's usual provider chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Unfinished uploads older than this are aborted and removed, in ms. */
  expiryMs: number;
  /** Where tus keeps upload info between requests; a shared store (Redis) when instances scale out. */
  cache?: KvStore<MetadataValue>;
}

/** The tus id behind `uploads/<id>`, or undefined for other keys. */
const tusId = (key: string): string | undefined =>
  key.startsWith('uploads/') ? key.slice('uploads/'.length) : undefined;
const objectKey = (key: string): string => tusId(checkKey(key)) ?? key;

const statusOf = (error: unknown): number | undefined =>
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

/**
 * Adds Content-MD5 to multi-object deletes: S3 itself accepts the SDK's CRC32 checksum there, but
 * several S3-compatible services (Swift s3api, older MinIO) insist on the MD5 header.
 */
export function addContentMd5(client: S3): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const request = args.request as { headers?: Record<string, string>; body?: unknown };
      if (
        context.commandName === 'DeleteObjectsCommand' &&
        request.headers &&
        typeof request.body === 'string'
      ) {
        request.headers['content-md5'] = createHash('md5').update(request.body).digest('base64');
      }
      return next(args);
    },
    { step: 'build', name: 'mediabayContentMd5' },
  );
}

export function s3ClientConfig(options: S3StorageOptions): S3ClientConfig {
  const config: S3ClientConfig = {
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    // Many S3-compatible services reject the newer default checksums; send them only when required.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
  if (options.endpoint) config.endpoint = options.endpoint;
  if (options.credentials) config.credentials = options.credentials;
  return config;
}

/** Creates the bucket if it does not exist; fails with a message naming the service if unreachable. */
export async function ensureBucket(client: S3, options: S3StorageOptions): Promise<void> {
  const where = `${options.endpoint ?? `AWS S3 (${options.region})`}, bucket "${options.bucket}"`;
  try {
    await client.headBucket({ Bucket: options.bucket });
    return;
  } catch (error) {
    if (statusOf(error) !== 404) {
      const reason = (error as Error).message || (error as Error).name;
      throw new Error(`Cannot reach S3 storage at ${where}: ${reason}`, { cause: error });
    }
  }
  try {
    await client.createBucket({ Bucket: options.bucket });
  } catch (error) {
    if (statusOf(error) === 409) return; // another instance created it first
    throw new Error(`Cannot create the bucket at ${where}: ${(error as Error).message}`, { cause: error });
  }
}

export async function createS3Storage(options: S3StorageOptions): Promise<MediaStorage> {
  const config = s3ClientConfig(options);
  const client = new S3(config);
  await ensureBucket(client, options);
  const tusStore = new S3Store({
    ...(options.partSize ? { partSize: options.partSize } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
    // Expiry by listing multipart uploads (deleteExpired), not by object tags that not every service has.
    useTags: false,
    expirationPeriodInMilliseconds: options.expiryMs,
    s3ClientConfig: { ...config, bucket: options.bucket },
  });
  // the store makes its own client from the config; it needs the MD5 header as much as ours
  addContentMd5(client);
  addContentMd5((tusStore as unknown as { client: S3 }).client);
  const Bucket = options.bucket;

  async function get(key: string, range?: { start: number; end: number }): Promise<Readable> {
    const answer = await client.getObject({
      Bucket,
      Key: objectKey(key),
      ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
    });
    return answer.Body as Readable;
  }

  return {
    tusStore,
    read(key, range) {
      // The stream is handed out at once; the request behind it starts now and pipes in when answered.
      const out = new PassThrough();
      get(key, range).then(
        (body) => {
          body.on('error', (error) => out.destroy(error));
          out.on('close', () => body.destroy());
          body.pipe(out);
        },
        (error: unknown) => out.destroy(error as Error),
      );
      return out;
    },
    async size(key) {
      const head = await client.headObject({ Bucket, Key: objectKey(key) });
      return Number(head.ContentLength ?? 0);
    },
    async localCopy(key) {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-s3-'));
      const release = () => fs.rm(dir, { recursive: true, force: true });
      try {
        const file = path.join(dir, 'source');
        await pipeline(await get(key), createWriteStream(file));
        return { path: file, release };
      } catch (error) {
        await release();
        throw error;
      }
    },
    async write(key, source) {
      // A known length lets one PUT carry the body; the temp file also bounds memory for big form uploads.
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-put-'));
      try {
        const file = path.join(dir, 'body');
        await pipeline(source, createWriteStream(file));
        const { size } = await fs.stat(file);
        await client.putObject({
          Bucket,
          Key: objectKey(key),
          Body: createReadStream(file),
          ContentLength: size,
        });
        return size;
      } catch (error) {
        source.destroy();
        return asStorageFailure(error); // a full temp disk: 507; S3 refusing or unreachable: 503
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    },
    async remove(key) {
      const id = tusId(checkKey(key));
      if (id) {
        // aborts an unfinished multipart upload and removes the object, its info and any loose part
        await tusStore.remove(id).catch(() => undefined);
        await client.deleteObjects({
          Bucket,
          Delete: { Objects: [{ Key: id }, { Key: `${id}.info` }, { Key: `${id}.part` }], Quiet: true },
        });
        return;
      }
      await client.deleteObject({ Bucket, Key: key });
    },
    removeExpired() {
      return tusStore.deleteExpired();
    },
    async close() {
      client.destroy();
    },
  };
}
