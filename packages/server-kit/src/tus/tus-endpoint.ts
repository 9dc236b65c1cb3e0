// The tus 1.0 endpoint at `${basePath}/uploads`: @tus/server does the protocol; this module checks
// the caller, the tenant and the headers first (clear JSON 4xx, nothing stored), feeds byte progress
// to the bus, and turns a finished upload into a library file.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EVENTS, Server, type Locker, type Upload } from '@tus/server';
import { FILE_ID_HEADER } from '@mediabay/core/protocol';
import { deny, requireAccess } from '../access/guard.js';
import type { MediaContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { sendError } from '../http/respond.js';
import type { UploadRecord } from '../db/database.js';
import { isId, newId } from '../media/ids.js';
import { AlreadyFinished, checkQuota, ingestMedia } from '../media/ingest.js';
import { checkUploadQuota } from '../media/upload-quota.js';
import type { AuthContext } from '../options.js';
import { storageFailure } from '../storage/failures.js';
import { uploadKey } from '../storage/keys.js';
import { auditCancels } from './cancel.js';
import { guardWrites } from './store-writes.js';
import { parseMetadataHeader, validateUploadMetadata, type UploadMetadata } from './metadata.js';
import { createProgressTracker } from './progress.js';

interface InFlight {
  auth: AuthContext;
  metadata?: UploadMetadata;
}

/** What tus hands its hooks: a web Request that remembers the Node request it came from. */
type HookRequest = { runtime?: { node?: { req: IncomingMessage } } };

const OFFSET_WRITE_INTERVAL_MS = 1000;

export interface TusEndpoint {
  handle(req: IncomingMessage, res: ServerResponse, auth: AuthContext, rest: string[]): Promise<void>;
  /** Turns uploads whose bytes are complete but which have no file yet into files; returns how many. */
  recover(): Promise<number>;
}

export function createTusEndpoint(ctx: MediaContext, locker?: Locker): TusEndpoint {
  const { options, db, bus, storage } = ctx;
  const path = `${options.basePath}/uploads`;
  const inFlight = new WeakMap<IncomingMessage, InFlight>();
  const progress = createProgressTracker();

  const stateOf = (req: unknown): InFlight => {
    const node = (req as HookRequest).runtime?.node?.req;
    const state = node && inFlight.get(node);
    if (!state) throw new Error('tus hook without a checked request');
    return state;
  };

  const tus = new Server({
    path,
    datastore: auditCancels(ctx, guardWrites(ctx, storage.tusStore)),
    ...(locker ? { locker } : {}),
    relativeLocation: true,
    maxSize: options.limits.maxFileSize,
    postReceiveInterval: 100,
    disableTerminationForFinishedUploads: true,
    exposedHeaders: [FILE_ID_HEADER],
    // CORS only for the configured origins (tus would otherwise answer `*`).
    allowedOrigins: (origin) => options.allowedOrigins.includes(origin),
    allowedCredentials: true,
    namingFunction: () => newId(),
    async onUploadCreate(req, upload) {
      const { auth, metadata } = stateOf(req);
      if (!metadata) throw new Error('upload created without metadata');
      await db.transaction(async (tx) => {
        await tx.insertUpload({
          id: upload.id,
          tenantId: auth.tenantId,
          ownerId: auth.userId,
          operationId: metadata.operationId,
          name: metadata.filename,
          mimeType: metadata.filetype,
          size: upload.size ?? null,
          offset: 0,
          createdAt: new Date().toISOString(),
          mediaId: null,
        });
        await tx.appendAudit({
          tenantId: auth.tenantId,
          userId: auth.userId,
          action: 'upload.created',
          operationId: metadata.operationId,
          detail: { name: metadata.filename, size: upload.size ?? null, mimeType: metadata.filetype },
        });
      });
      return {};
    },
    async onUploadFinish(_req, upload) {
      const mediaId = await finish(upload, true);
      return { headers: { [FILE_ID_HEADER]: mediaId } };
    },
    onResponseError(_req, err) {
      // a full disk, an I/O or S3 error while storing: 507/503 (the upload stays resumable)
      const failure = storageFailure(err);
      if (failure) return { status_code: failure.status, body: JSON.stringify(failure.toBody()) };
      if (err instanceof HttpError) return { status_code: err.status, body: JSON.stringify(err.toBody()) };
      // tus answers with text; keep its status but speak the wire's error body.
      const status = 'status_code' in err ? err.status_code : 500;
      const message = ('body' in err ? err.body : 'Upload failed.').trim();
      if (status >= 500) console.error('[mediabay] tus', err);
      const code = status === 413 ? 'file-too-large' : status === 409 ? 'offset-mismatch' : 'upload-failed';
      return { status_code: status, body: JSON.stringify({ error: { code, message } }) };
    },
  });

  tus.on(EVENTS.POST_RECEIVE, (request, upload) => {
    void reportProgress(request, upload);
  });
  // Uploads that repeated an operation which already has its file: their bytes go once tus answered.
  const copies = new Set<string>();
  const removeCopy = (id: string): Promise<void> =>
    storage.remove(uploadKey(id)).catch((error: unknown) => console.error(`[mediabay] copy ${id}`, error));
  tus.on(EVENTS.POST_FINISH, (_req, _res, upload) => {
    if (copies.delete(upload.id)) void removeCopy(upload.id);
  });
  // the row and its `upload.canceled` entry went in the datastore's remove (cancel.ts)
  tus.on(EVENTS.POST_TERMINATE, (_req, _res, id) => progress.forget(id));

  async function reportProgress(request: object, upload: Upload): Promise<void> {
    const row = await db.getUpload(upload.id);
    if (!row) return;
    const data = progress.update(upload.id, request, upload.offset, upload.size);
    if (!data) return;
    const event = { type: 'media-upload-progress', operationId: row.operationId, data } as const;
    bus.publish(row.tenantId, event, { userId: row.ownerId });
    if (progress.shouldPersist(upload.id, OFFSET_WRITE_INTERVAL_MS))
      await db.setUploadOffset(upload.id, upload.offset);
  }

  /** `answering`: tus still reads the upload to answer its request (a copy's bytes go after that). */
  async function finish(upload: Upload, answering: boolean): Promise<string> {
    progress.forget(upload.id);
    const row = await db.getUpload(upload.id);
    if (!row) throw new Error(`finished upload ${upload.id} has no row`);
    if (row.mediaId) return row.mediaId; // a repeated final PATCH: the file already exists
    const size = upload.size ?? upload.offset;
    await db.setUploadOffset(upload.id, size);
    bus.publish(row.tenantId, {
      type: 'media-upload-progress',
      operationId: row.operationId,
      data: { progress: 100, bytesReceived: size, bytesTotal: size, timeRemaining: 0 },
    });
    let ingested;
    try {
      ingested = await ingestMedia(ctx, {
        tenantId: row.tenantId,
        ownerId: row.ownerId,
        name: row.name,
        claimedType: row.mimeType,
        size,
        storageKey: uploadKey(upload.id),
        operationId: row.operationId,
        uploadId: upload.id,
      });
    } catch (error) {
      if (error instanceof AlreadyFinished) {
        const done = (await db.getUpload(upload.id))?.mediaId;
        if (done) return done;
      }
      if (error instanceof HttpError) {
        // refused after sniffing: the bytes are gone, so is the upload row (removed by ingestMedia)
        bus.publish(row.tenantId, {
          type: 'media-upload-error',
          operationId: row.operationId,
          error: error.toBody().error,
        });
      }
      throw error;
    }
    if (ingested.copy) {
      if (answering) copies.add(upload.id);
      else await removeCopy(upload.id);
    }
    return ingested.record.id;
  }

  /** Refuses what tus would accept too loosely, before any byte is stored. */
  function checkHeaders(req: IncomingMessage): UploadMetadata | undefined {
    if (req.method === 'OPTIONS') return undefined;
    const resumable = req.headers['tus-resumable'];
    if (resumable !== '1.0.0') {
      throw new HttpError(412, 'unsupported-tus-version', 'Tus-Resumable must be 1.0.0.', {
        'Tus-Version': '1.0.0',
      });
    }
    if (req.method !== 'POST') return undefined;
    const length = req.headers['upload-length'];
    const deferred = req.headers['upload-defer-length'];
    if (length !== undefined) {
      if (typeof length !== 'string' || !/^\d{1,16}$/.test(length))
        throw new HttpError(400, 'invalid-length', 'Upload-Length must be a byte count.');
      if (Number(length) > options.limits.maxFileSize) {
        throw new HttpError(
          413,
          'file-too-large',
          `Files may be at most ${options.limits.maxFileSize} bytes.`,
        );
      }
    } else if (deferred !== '1') {
      throw new HttpError(400, 'invalid-length', 'Upload-Length or Upload-Defer-Length: 1 is required.');
    }
    return validateUploadMetadata(parseMetadataHeader(req.headers['upload-metadata'] as string | undefined));
  }

  async function checkOwnership(uploadId: string, auth: AuthContext): Promise<UploadRecord> {
    // Another tenant's upload is answered exactly like a missing one.
    const row = isId(uploadId) ? await db.getUpload(uploadId) : undefined;
    if (!row || row.tenantId !== auth.tenantId) throw new HttpError(404, 'not-found', 'No such upload.');
    return row;
  }

  /**
   * Bytes complete but no library file: the finish step failed or the process died in between.
   * Finishing now (on the client's retrying HEAD, or on start) means acknowledged bytes are never lost.
   */
  async function finishIfComplete(row: UploadRecord): Promise<void> {
    if (row.mediaId) return;
    let upload: Upload;
    try {
      upload = await storage.tusStore.getUpload(row.id);
    } catch {
      return; // the bytes are gone (expired or terminated)
    }
    if (upload.size !== undefined && upload.offset === upload.size) await finish(upload, false);
  }

  return {
    async handle(req, res, auth, rest) {
      try {
        const method = req.method ?? 'GET';
        if (rest.length > 1) throw new HttpError(404, 'not-found', 'No such upload.');
        const uploadId = rest[0];
        if (method === 'GET') {
          throw new HttpError(405, 'method-not-allowed', 'Read files from the content route.', {
            Allow: 'HEAD, PATCH, DELETE',
          });
        }
        if (uploadId === undefined ? !['POST', 'OPTIONS'].includes(method) : method === 'POST') {
          throw new HttpError(405, 'method-not-allowed', `${method} is not allowed here.`);
        }
        if (method === 'POST') await requireAccess(ctx, auth, 'upload');
        const metadata = checkHeaders(req);
        if (method === 'POST') {
          await checkQuota(ctx, auth.tenantId, metadata?.operationId);
          const length = req.headers['upload-length'];
          await checkUploadQuota(ctx, auth, length === undefined ? undefined : Number(length));
        }
        if (uploadId !== undefined && method !== 'OPTIONS') {
          const row = await checkOwnership(uploadId, auth);
          // only its creator continues, inspects or cancels an upload, and only while allowed to upload
          await requireAccess(ctx, auth, 'upload');
          if (row.ownerId !== auth.userId) await deny(ctx, auth, 'upload', { uploadId });
          if (method === 'HEAD') await finishIfComplete(row);
        }
        inFlight.set(req, metadata ? { auth, metadata } : { auth });
        await tus.handle(req, res);
      } catch (error) {
        sendError(res, error);
      }
    },
    async recover() {
      // every upload without a file, whatever its age
      const pending = await db.listStaleUploads(new Date(Date.now() + 60_000).toISOString());
      let recovered = 0;
      for (const row of pending) {
        try {
          await finishIfComplete(row);
          if ((await db.getUpload(row.id))?.mediaId) recovered += 1;
        } catch (error) {
          console.error(`[mediabay] could not recover upload ${row.id}`, error);
        }
      }
      return recovered;
    },
  };
}
