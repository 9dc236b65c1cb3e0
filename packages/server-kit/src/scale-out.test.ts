// Several instances behind one address: separate processes sharing PostgreSQL, Redis and an S3
// bucket (the real services of scripts/services). Instances are SIGKILLed to prove that uploads,
// events and processing survive the loss of the instance that was handling them.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { S3 } from '@aws-sdk/client-s3';
import type { ListResponse, MediaFile, ServerEvent } from '@mediabay/core/protocol';
import pg from 'pg';
import { parseStorageUrl } from './config/service-urls.js';
import { s3ClientConfig } from './storage/s3-storage.js';
import {
  makeVideo,
  newOperationId,
  openEvents,
  sha256,
  tusUpload,
} from './test-support/clients.test-helper.js';
import { waitFor } from './test-support/server.test-helper.js';
import {
  freshPostgres,
  missingServices,
  S3_TEST_CREDENTIALS,
  testServices,
  testStorageUrl,
} from './test-support/services.test-helper.js';

const helper = fileURLToPath(new URL('./test-support/instance.test-helper.ts', import.meta.url));
const LEASES = { processingMs: 1500, uploadLockMs: 2000 };

interface Instance {
  name: string;
  url: string;
  uploads: string;
  wsUrl: string;
  child: ChildProcess;
  kill(): Promise<void>;
}

const b64 = (s: string): string => Buffer.from(s).toString('base64');

describe(
  'two instances sharing PostgreSQL, Redis and S3',
  { skip: missingServices('postgres', 'redis', 's3') },
  () => {
    let database: { url: string; drop(): Promise<void> };
    let storage: string;
    let dataRoot: string;
    const running = new Set<Instance>();
    let a: Instance;
    let b: Instance;

    async function spawnInstance(name: string, extra: { slowLocalCopyMs?: number } = {}): Promise<Instance> {
      const config = {
        dataDir: path.join(dataRoot, name),
        database: database.url,
        storage,
        redis: testServices.redis,
        instanceId: name,
        leases: LEASES,
        ...extra,
      };
      const child = spawn(process.execPath, ['--import', 'tsx', helper], {
        env: {
          ...process.env,
          MEDIABAY_INSTANCE: JSON.stringify(config),
          AWS_ACCESS_KEY_ID: S3_TEST_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: S3_TEST_CREDENTIALS.secretAccessKey,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stderr.on('data', (chunk) => (output += String(chunk)));
      const port = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name} did not start: ${output}`)), 20_000);
        child.stdout.on('data', (chunk) => {
          output += String(chunk);
          const match = /listening (\d+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1] as string);
          }
        });
        child.once('exit', (code) => reject(new Error(`${name} exited with ${code}: ${output}`)));
      });
      const url = `http://127.0.0.1:${port}`;
      const instance: Instance = {
        name,
        url,
        uploads: `${url}/api/media/uploads`,
        wsUrl: `ws://127.0.0.1:${port}/api/media/events`,
        child,
        async kill() {
          running.delete(instance);
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGKILL');
          await exited;
        },
      };
      running.add(instance);
      return instance;
    }

    const getFile = async (base: string, id: string): Promise<MediaFile> =>
      (await (await fetch(`${base}/api/media/${id}`)).json()) as MediaFile;
    const whenSettled = (base: string, id: string, timeoutMs = 30_000): Promise<MediaFile> =>
      waitFor(async () => {
        const file = await getFile(base, id);
        return file.status === 'processing' ? undefined : file;
      }, timeoutMs);
    const content = async (base: string, id: string): Promise<Buffer> =>
      Buffer.from(await (await fetch(`${base}/api/media/${id}/content`)).arrayBuffer());

    let s3: S3;
    let bucket: string;

    before(async () => {
      dataRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-scale-'));
      database = await freshPostgres();
      storage = testStorageUrl();
      const location = parseStorageUrl(storage);
      bucket = location.bucket;
      s3 = new S3({ ...s3ClientConfig({ ...location, expiryMs: 0 }), credentials: S3_TEST_CREDENTIALS });
      a = await spawnInstance('a'); // creates the bucket and migrates the database
      b = await spawnInstance('b');
    });
    after(async () => {
      s3?.destroy();
      for (const instance of [...running]) await instance.kill();
      await database?.drop();
      await fs.rm(dataRoot, { recursive: true, force: true });
    });

    it('resumes on B an upload whose instance A was SIGKILLed mid-PATCH; the stored bytes match', async () => {
      const bytes = randomBytes(12 * 1024 * 1024); // one full 8 MiB S3 part plus the rest
      const operationId = newOperationId();
      const watcher = await openEvents(b.wsUrl);
      const created = await fetch(a.uploads, {
        method: 'POST',
        headers: {
          'Tus-Resumable': '1.0.0',
          'Upload-Length': String(bytes.length),
          'Upload-Metadata': `filename ${b64('big.bin')},filetype ${b64('application/octet-stream')},operationId ${b64(operationId)}`,
        },
      });
      assert.equal(created.status, 201);
      const location = created.headers.get('location') as string;
      const uploadPath = new URL(location, a.url).pathname;

      // A PATCH that sends 10 MiB and then stalls, as a client on a dying connection would.
      const patch = http.request(`${a.url}${uploadPath}`, {
        method: 'PATCH',
        headers: {
          'Tus-Resumable': '1.0.0',
          'Upload-Offset': '0',
          'Content-Type': 'application/offset+octet-stream',
          'Content-Length': String(bytes.length),
        },
      });
      patch.on('error', () => undefined); // the server dies under it
      patch.write(bytes.subarray(0, 10 * 1024 * 1024));
      // B's socket hears A's progress (through Redis) once A has the bytes of the first part
      await waitFor(
        () =>
          watcher.events.some(
            (e) =>
              e.type === 'media-upload-progress' &&
              e.operationId === operationId &&
              e.data.bytesReceived >= 9 * 1024 * 1024,
          ) || undefined,
        15_000,
      );
      // ...and once the first part sits in the bucket (its own PUT follows the bytes)
      const uploadId = uploadPath.split('/').pop() as string;
      await waitFor(async () => {
        const listed = await s3.listMultipartUploads({ Bucket: bucket, Prefix: uploadId });
        const multipart = listed.Uploads?.[0]?.UploadId;
        if (!multipart) return undefined;
        const parts = await s3.listParts({ Bucket: bucket, Key: uploadId, UploadId: multipart });
        return (parts.Parts?.length ?? 0) > 0 || undefined;
      }, 15_000);
      await a.kill();
      patch.destroy();

      // B answers for the upload once A's lock has run out, from what reached the bucket
      const head = await fetch(`${b.url}${uploadPath}`, {
        method: 'HEAD',
        headers: { 'Tus-Resumable': '1.0.0' },
      });
      assert.equal(head.status, 200);
      const offset = Number(head.headers.get('upload-offset'));
      assert.ok(offset >= 8 * 1024 * 1024 && offset < bytes.length, `resumes from ${offset}, not from 0`);
      const { fileId } = await tusUpload(
        b.uploads,
        bytes,
        { name: 'big.bin', type: 'application/octet-stream', operationId },
        { uploadUrl: `${b.url}${uploadPath}` },
      );
      assert.ok(fileId);
      const file = await whenSettled(b.url, fileId);
      assert.equal(file.size, bytes.length);
      assert.equal(sha256(await content(b.url, fileId)), sha256(bytes));
      assert.ok(watcher.events.some((e) => e.type === 'media-upload-complete' && e.fileId === fileId));
      watcher.ws.close();
      a = await spawnInstance('a2');
    });

    it("relays A's progress and completion to a socket on B, and a delete on B to A's sockets", async () => {
      const onB = await openEvents(b.wsUrl);
      const onA = await openEvents(a.wsUrl);
      const bytes = await fs.readFile(await makeVideo());
      const operationId = newOperationId();
      const { fileId } = await tusUpload(a.uploads, bytes, {
        name: 'clip.mp4',
        type: 'video/mp4',
        operationId,
      });
      assert.ok(fileId);
      const ready = await whenSettled(b.url, fileId);
      assert.equal(ready.status, 'ready');
      const seenOnB = await waitFor(() => {
        const types = onB.events
          .filter(
            (e) =>
              ('operationId' in e && e.operationId === operationId) || ('file' in e && e.file.id === fileId),
          )
          .map((e) => (e.type === 'media-updated' ? `updated:${e.file.status}` : e.type));
        return types.includes('updated:ready') ? types : undefined;
      });
      for (const type of [
        'media-upload-progress',
        'media-upload-complete',
        'media-created',
        'media-processing-progress',
      ])
        assert.ok(seenOnB.includes(type), `B saw ${type}`);

      // a delete moves the file to the trash: A hears it and lists the file only among the trashed
      const deleted = await fetch(`${b.url}/api/media/${fileId}`, { method: 'DELETE' });
      assert.equal(deleted.status, 204);
      await waitFor(
        () => onA.events.some((e) => e.type === 'media-deleted' && e.fileIds.includes(fileId)) || undefined,
        5000,
      );
      const listed = async (query: string): Promise<string[]> =>
        ((await (await fetch(`${a.url}/api/media?limit=200${query}`)).json()) as ListResponse).items.map(
          (f) => f.id,
        );
      assert.ok(!(await listed('')).includes(fileId));
      assert.ok((await listed('&trashed=true')).includes(fileId));
      // purged on B: gone on A too
      const purged = await fetch(`${b.url}/api/media/${fileId}?permanent=true`, { method: 'DELETE' });
      assert.equal(purged.status, 204);
      assert.equal((await fetch(`${a.url}/api/media/${fileId}`)).status, 404);
      onA.ws.close();
      onB.ws.close();
    });

    it('completes 20 concurrent uploads split across both instances, each processed exactly once', async () => {
      const watcher = await openEvents(a.wsUrl);
      const files = Array.from({ length: 20 }, (_, i) => ({ bytes: randomBytes(64 * 1024 + i), i }));
      const results = await Promise.all(
        files.map(({ bytes, i }) =>
          tusUpload(i % 2 === 0 ? a.uploads : b.uploads, bytes, {
            name: `file-${i}.bin`,
            type: 'application/octet-stream',
            operationId: newOperationId(),
          }),
        ),
      );
      const ids = results.map((r) => r.fileId as string);
      assert.equal(new Set(ids).size, 20);
      for (const [n, id] of ids.entries()) {
        const other = n % 2 === 0 ? b.url : a.url; // read each file through the instance that did not take it
        assert.equal((await whenSettled(other, id)).status, 'ready');
        assert.equal(sha256(await content(other, id)), sha256(files[n]?.bytes ?? Buffer.alloc(0)));
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const id of ids) {
        const done = watcher.events.filter(
          (e) => e.type === 'media-processing-progress' && e.fileId === id && e.data.stage === 'done',
        );
        assert.equal(done.length, 1, `${id} processed once`);
      }
      watcher.ws.close();
    });

    it('runs each processing job exactly once when an instance running jobs dies mid-job', async () => {
      const slow = await spawnInstance('slow', { slowLocalCopyMs: 60_000 });
      const onA = await openEvents(a.wsUrl);
      const bytes = await fs.readFile(await makeVideo());
      const uploads = await Promise.all(
        [0, 1, 2].map((i) =>
          tusUpload(slow.uploads, bytes, {
            name: `v${i}.mp4`,
            type: 'video/mp4',
            operationId: newOperationId(),
          }),
        ),
      );
      const ids = uploads.map((u) => u.fileId as string);
      const sql = new pg.Client({ connectionString: database.url });
      await sql.connect();
      try {
        // every job taken by some instance: the slow one's stay active (stuck downloading, beating)
        const taken = async (): Promise<boolean> => {
          const { rows } = await sql.query<{ id: string; state: string }>(
            `select data->>'mediaId' as id, state from mediabay_jobs.job
             where name = 'mediabay-processing' and data->>'mediaId' = any($1)`,
            [ids],
          );
          return ids.every((id) => rows.some((r) => r.id === id && r.state !== 'created'));
        };
        await waitFor(async () => ((await taken()) ? true : undefined), 10_000);
        await slow.kill();
        for (const id of ids) assert.equal((await whenSettled(a.url, id)).status, 'ready');
      } finally {
        await sql.end();
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      const count = (id: string, match: (e: ServerEvent) => boolean): number =>
        onA.events.filter(
          (e) => match(e) && (('fileId' in e && e.fileId === id) || ('file' in e && e.file.id === id)),
        ).length;
      for (const id of ids) {
        assert.equal(
          count(id, (e) => e.type === 'media-processing-progress' && e.data.stage === 'done'),
          1,
        );
        assert.equal(
          count(id, (e) => e.type === 'media-updated' && e.file.status === 'ready'),
          1,
        );
        const poster = await fetch(`${b.url}/api/media/${id}/thumbnail`);
        assert.equal(poster.status, 200, 'the poster is in the bucket');
      }
      onA.ws.close();
    });
  },
);
