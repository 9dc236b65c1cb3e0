// The tus 1.0 endpoint at `${basePath}/uploads`: @tus/server does the protocol; this module checks
// the caller, the tenant and the headers first (clear JSON 4xx, nothing stored), feeds byte progress
// to the bus, and turns a finished upload into a library file.
import type { IncomingMessage, ServerResponse } from 'node:http';
import nodePath from 'node:path';
import { EVENTS, Server, type Locker, type Upload } from '@tus/server';
import { FILE_ID_HEADER, OPERATION_ID_HEADER, TUS_METADATA } from '@mediabay/core/protocol';
import { NodeRequest, sendNodeResponse } from 'srvx/node';
import { deny, requireAccess } from '../access/guard.js';
import type { MediaContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { sendError } from '../http/respond.js';
import type { UploadRecord } from '../db/database.js';
import { isId, newId } from '../media/ids.js';
import { AlreadyFinished, checkQuota, ingestMedia } from '../media/ingest.js';
import { checkReplace, replaceRequest } from '../media/replace.js';
import { checkUploadQuota } from '../media/upload-quota.js';
import { checkOperationUse } from '../media/operation-claim.js';
import type { AuthContext } from '../options.js';
import { storageFailure } from '../storage/failures.js';
import { uploadKey } from '../storage/keys.js';
import { auditCancels } from './cancel.js';
import {
  CHECKSUM_ALGORITHMS,
  parseChecksum,
  verifyChecksums,
  withChecksum,
  type Checksum,
} from './checksum.js';
import { applyMethodOverride, conformResponse, tusErrorBody, TUS_VERSION } from './conformance.js';
import { guardWrites } from './store-writes.js';
import { parseMetadataHeader, validateUploadMetadata, type UploadMetadata } from './metadata.js';
import { createProgressTracker } from './progress.js';

interface InFlight {
  /** null: an OPTIONS answered without credentials */
  auth: AuthContext | null;
  metadata?: UploadMetadata;
}

/** What tus hands its hooks: a web Request that remembers the Node request it came from. */
type HookRequest = { runtime?: { node?: { req: IncomingMessage } } };

const OFFSET_WRITE_INTERVAL_MS = 1000;

export interface TusEndpoint {
  handle(req: IncomingMessage, res: ServerResponse, auth: AuthContext, rest: string[]): Promise<void>;
  /** OPTIONS (tus discovery): answered without credentials, as tus clients send none. */
  discover(req: IncomingMessage, res: ServerResponse): Promise<void>;
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
    datastore: verifyChecksums(
      auditCancels(ctx, guardWrites(ctx, storage.tusStore)),
      nodePath.join(options.dataDir, 'checksum-spool'),
    ),
    ...(locker ? { locker } : {}),
    relativeLocation: true,
    maxSize: options.limits.maxFileSize,
    postReceiveInterval: 100,
    disableTerminationForFinishedUploads: true,
    // CORS is http/cors.ts' (tus' own CORS headers are dropped in conformResponse)
    allowedOrigins: () => false,
    namingFunction: () => newId(),
    async onUploadCreate(req, upload) {
      const { auth, metadata } = stateOf(req);
      if (!metadata || !auth) throw new Error('upload created without metadata');
      const size = upload.size ?? null;
      await db.transaction(async (tx) => {
        // 409 for an operation another upload holds, before tus stores anything
        await checkOperationUse(tx, metadata.operationId, {
          tenantId: auth.tenantId,
          ownerId: auth.userId,
          name: metadata.filename,
          size,
        });
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
      // HEAD shows what the server used: the minted operation id, the generated name
      const { operationId, filename } = metadata;
      return { metadata: { ...upload.metadata, operationId, filename } };
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
      // tus answers with text; keep its status but speak the wire's error body (no internals).
      const status = 'status_code' in err ? err.status_code : 500;
      if (status >= 500) options.logger.error('tus', err);
      return { status_code: status, body: tusErrorBody(status, 'body' in err ? err.body : '') };
    },
  });

  tus.on(EVENTS.POST_RECEIVE, (request, upload) => {
    void reportProgress(request, upload);
  });
  // Uploads that repeated an operation which already has its file: their bytes go once tus answered.
  const copies = new Set<string>();
  const removeCopy = (id: string): Promise<void> =>
    storage.remove(uploadKey(id)).catch((error: unknown) => options.logger.error(`copy ${id}`, error));
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
        // what the upload was created with (checked then, see checkReplace)
        replace: replaceRequest(
          upload.metadata?.[TUS_METADATA.replaceFileId] ?? undefined,
          upload.metadata?.[TUS_METADATA.replaceName] ?? undefined,
        ),
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

  /** Lets tus answer, then makes the answer tus 1.0 and ours (conformance.ts). */
  async function respond(
    req: IncomingMessage,
    res: ServerResponse,
    extra: Record<string, string>,
    checksum?: Checksum,
  ): Promise<void> {
    const request = new NodeRequest({ req, res }) as unknown as Request;
    const response = await withChecksum(checksum, () => tus.handleWeb(request));
    await sendNodeResponse(res, await conformResponse(response, extra));
  }

  const discovery = { 'Tus-Checksum-Algorithm': CHECKSUM_ALGORITHMS.join(',') };
  const expiresAt = (row: UploadRecord): string =>
    new Date(Date.parse(row.createdAt) + options.limits.uploadExpiryMs).toUTCString();

  return {
    async discover(req, res) {
      res.setHeader('Tus-Resumable', TUS_VERSION);
      try {
        inFlight.set(req, { auth: null });
        await respond(req, res, discovery);
      } catch (error) {
        sendError(res, error, options.logger);
      }
    },
    async handle(req, res, auth, rest) {
      res.setHeader('Tus-Resumable', TUS_VERSION); // our own refusals are tus answers too
      try {
        applyMethodOverride(req);
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
        if (method === 'POST' && metadata?.replace) {
          await checkReplace(ctx, auth, metadata.replace.fileId); // 404/409/403 before a byte is stored
        } else if (method === 'POST') {
          await checkQuota(ctx, auth.tenantId, metadata?.operationId);
        }
        if (method === 'POST') {
          const length = req.headers['upload-length'];
          await checkUploadQuota(ctx, auth, length === undefined ? undefined : Number(length));
        }
        const extra: Record<string, string> = method === 'OPTIONS' ? { ...discovery } : {};
        if (metadata) extra[OPERATION_ID_HEADER] = metadata.operationId;
        if (uploadId !== undefined && method !== 'OPTIONS') {
          const row = await checkOwnership(uploadId, auth);
          // only its creator continues, inspects or cancels an upload, and only while allowed to upload
          await requireAccess(ctx, auth, 'upload');
          if (row.ownerId !== auth.userId) await deny(ctx, auth, 'upload', { uploadId });
          if (method === 'HEAD') await finishIfComplete(row);
          extra[OPERATION_ID_HEADER] = row.operationId;
          if (method === 'HEAD' && !row.mediaId) extra['Upload-Expires'] = expiresAt(row);
        }
        const checksum = parseChecksum(req.headers['upload-checksum']);
        inFlight.set(req, metadata ? { auth, metadata } : { auth });
        await respond(req, res, extra, checksum);
      } catch (error) {
        sendError(res, error, options.logger);
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
          options.logger.error(`could not recover upload ${row.id}`, error);
        }
      }
      return recovered;
    },
  };
}
