// What the interop tests share: a stock tus client's upload followed to `ready` through the REST API
// (the server names the operation it minted in `Mediabay-Operation-Id`), and the stored bytes' hash.
import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OPERATION_ID_HEADER } from '@mediabay/core/protocol';
import type { MediaFile, OperationStatus } from '@mediabay/core/protocol';
import { waitFor } from './library.js';

export { OPERATION_ID_HEADER };

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** `size` random bytes written to `dir/name`; returns the path and the bytes. */
export async function writeRandom(
  dir: string,
  name: string,
  size: number,
): Promise<{ path: string; bytes: Buffer }> {
  const bytes = randomBytes(size);
  const path = join(dir, name);
  await writeFile(path, bytes);
  return { path, bytes };
}

/** Polls `GET {api}/operations/:id` until the server has made the file and processed it. */
export async function readyFile(
  api: string,
  operationId: string,
  headers: Record<string, string> = {},
  timeout = 30_000,
): Promise<MediaFile> {
  const status = await waitFor(
    `operation ${operationId} ready`,
    async () => {
      const response = await fetch(`${api}/operations/${encodeURIComponent(operationId)}`, { headers });
      if (!response.ok) return null;
      const body = (await response.json()) as OperationStatus;
      if (body.status === 'error') throw new Error(`operation ${operationId} failed: ${body.error}`);
      return body.status === 'ready' && body.fileId ? body : null;
    },
    timeout,
  );
  const file = await fetch(`${api}/${status.fileId}`, { headers });
  if (!file.ok) throw new Error(`GET file ${status.fileId}: ${file.status}`);
  return (await file.json()) as MediaFile;
}

/** sha256 of what the server serves as the file's content. */
export async function storedSha256(
  api: string,
  file: MediaFile,
  headers: Record<string, string> = {},
): Promise<string> {
  const response = await fetch(new URL(file.contentUrl, `${api}/`), { headers });
  if (!response.ok) throw new Error(`GET ${file.contentUrl}: ${response.status}`);
  return sha256Of(new Uint8Array(await response.arrayBuffer()));
}
