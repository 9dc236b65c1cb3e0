// The tus 1.0 endpoint at `${basePath}/uploads`: @tus/server does the protocol; this module wires it
// to our checks (request-checks.ts: clear JSON 4xx, nothing stored), the upload's record
// (upload-create.ts), byte progress on the bus, and the library file a finished upload becomes
// (upload-finish.ts); conformance.ts makes every answer tus 1.0 and ours.
import type { IncomingMessage, ServerResponse } from 'node:http';
import nodePath from 'node:path';
import { EVENTS, Server, type Locker, type Upload } from '@tus/server';
import { FILE_ID_HEADER } from '@mediabay/core/protocol';
import { NodeRequest } from 'srvx/node';
import type { MediaContext } from '../context.js';
import type { UploadRecord } from '../db/database.js';
import { HttpError } from '../http/errors.js';
import { sendError } from '../http/respond.js';
import { newId } from '../media/ids.js';
import type { AuthContext } from '../options.js';
import { storageFailure } from '../storage/failures.js';
import { auditCancels } from './cancel.js';
import {
  CHECKSUM_ALGORITHMS,
  parseChecksum,
  verifyChecksums,
  withChecksum,
  type Checksum,
} from './checksum.js';
import { applyMethodOverride, sendTusAnswer, tusErrorBody, TUS_VERSION } from './conformance.js';
import { guardWrites } from './store-writes.js';
import type { UploadMetadata } from './metadata.js';
import { createProgressTracker } from './progress.js';
import { withRequestBody } from './request-body.js';
import { checkTusRequest } from './request-checks.js';
import { recordUploadCreation } from './upload-create.js';
import { createUploadFinisher } from './upload-finish.js';
import { uploadInfos } from './upload-info.js';

interface InFlight {
  /** null: an OPTIONS answered without credentials */
  auth: AuthContext | null;
  metadata?: UploadMetadata;
  /** the upload this request created (POST) */
  created?: string;
  /** the headers of an HttpError tus answered for (a 429's Retry-After) */
  errorHeaders?: Record<string, string>;
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
  const inFlight = new WeakMap<IncomingMessage, InFlight>();
  // the rows of uploads a request is being handled for, read by the checks (PATCH, HEAD) or written
  // at creation (POST): progress events and the finish use them instead of reading them again
  const rows = new Map<string, UploadRecord>();
  // the first bytes of uploads their creating request completed (store-writes.ts), for the finish
  const heads = new Map<string, Buffer>();
  const progress = createProgressTracker();
  const finisher = createUploadFinisher(ctx, progress);
  const discovery = { 'Tus-Checksum-Algorithm': CHECKSUM_ALGORITHMS.join(',') };
  storage.bindUploadInfos?.(uploadInfos(db, rows));

  const findState = (req: unknown): InFlight | undefined => {
    const node = (req as HookRequest).runtime?.node?.req;
    return node && inFlight.get(node);
  };
  const stateOf = (req: unknown): InFlight => {
    const state = findState(req);
    if (!state) throw new Error('tus hook without a checked request');
    return state;
  };

  const tus = new Server({
    path: `${options.basePath}/uploads`,
    datastore: verifyChecksums(
      auditCancels(
        ctx,
        guardWrites(ctx, storage.tusStore, (id, head) => heads.set(id, head)),
      ),
      nodePath.join(options.dataDir, 'checksum-spool'),
    ),
    ...(locker ? { locker } : {}),
    relativeLocation: true,
    maxSize: options.limits.maxFileSize,
    postReceiveInterval: 100,
    disableTerminationForFinishedUploads: true,
    // CORS is http/cors.ts' (tus' own CORS headers are dropped in sendTusAnswer)
    allowedOrigins: () => false,
    namingFunction: () => newId(),
    async onUploadCreate(req, upload) {
      const state = stateOf(req);
      const { auth, metadata } = state;
      if (!metadata || !auth) throw new Error('upload created without metadata');
      const record = await recordUploadCreation(db, options.limits, auth, upload, metadata);
      rows.set(upload.id, record);
      state.created = upload.id;
      // HEAD shows what the server used: the minted operation id, the generated name
      return { metadata: record.tusMetadata ?? {} };
    },
    async onUploadFinish(_req, upload) {
      const head = heads.get(upload.id);
      heads.delete(upload.id);
      const mediaId = await finisher.finish(upload, true, rows.get(upload.id), head);
      return { headers: { [FILE_ID_HEADER]: mediaId } };
    },
    onResponseError(req, err) {
      // a full disk, an I/O or S3 error while storing: 507/503 (the upload stays resumable)
      const failure = storageFailure(err);
      if (failure) return { status_code: failure.status, body: JSON.stringify(failure.toBody()) };
      if (err instanceof HttpError) {
        const state = findState(req);
        if (state) state.errorHeaders = err.headers;
        return { status_code: err.status, body: JSON.stringify(err.toBody()) };
      }
      // tus answers with text; keep its status but speak the wire's error body (no internals).
      const status = 'status_code' in err ? err.status_code : 500;
      if (status >= 500) options.logger.error('tus', err);
      return { status_code: status, body: tusErrorBody(status, 'body' in err ? err.body : '') };
    },
  });

  tus.on(EVENTS.POST_RECEIVE, (request, upload) => {
    void reportProgress(request, upload);
  });
  tus.on(EVENTS.POST_FINISH, (_req, _res, upload) => finisher.answered(upload.id));
  // the row and its `upload.canceled` entry went in the datastore's remove (cancel.ts)
  tus.on(EVENTS.POST_TERMINATE, (_req, _res, id) => progress.forget(id));

  async function reportProgress(request: object, upload: Upload): Promise<void> {
    const row = rows.get(upload.id) ?? (await db.getUpload(upload.id));
    if (!row) return;
    const data = progress.update(upload.id, request, upload.offset, upload.size);
    if (!data) return;
    const event = { type: 'media-upload-progress', operationId: row.operationId, data } as const;
    bus.publish(row.tenantId, event, { userId: row.ownerId });
    if (progress.shouldPersist(upload.id, OFFSET_WRITE_INTERVAL_MS))
      await db.setUploadOffset(upload.id, upload.offset);
  }

  /** Lets tus answer, then makes the answer tus 1.0 and ours (conformance.ts). */
  async function respond(
    req: IncomingMessage,
    res: ServerResponse,
    extra: Record<string, string>,
    checksum?: Checksum,
  ): Promise<void> {
    // the body without Node's copy of every chunk (request-body.ts)
    const request = withRequestBody(new NodeRequest({ req, res }), req, res) as unknown as Request;
    const response = await withChecksum(checksum, () => tus.handleWeb(request));
    const { errorHeaders } = inFlight.get(req) ?? {};
    await sendTusAnswer(res, response, { ...extra, ...errorHeaders });
  }

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
      let id: string | undefined; // the upload whose row `rows` holds for this request
      try {
        applyMethodOverride(req);
        const { metadata, extra, upload } = await checkTusRequest(ctx, req, auth, rest, finisher, discovery);
        const checksum = parseChecksum(req.headers['upload-checksum']);
        inFlight.set(req, metadata ? { auth, metadata } : { auth });
        if (upload) rows.set((id = upload.id), upload);
        await respond(req, res, extra, checksum);
      } catch (error) {
        sendError(res, error, options.logger);
      } finally {
        id ??= inFlight.get(req)?.created;
        if (id !== undefined) {
          rows.delete(id);
          heads.delete(id);
        }
      }
    },
    async recover() {
      // every upload without a file, whatever its age
      const pending = await db.listStaleUploads(new Date(Date.now() + 60_000).toISOString());
      let recovered = 0;
      for (const row of pending) {
        try {
          await finisher.finishIfComplete(row);
          if ((await db.getUpload(row.id))?.mediaId) recovered += 1;
        } catch (error) {
          options.logger.error(`could not recover upload ${row.id}`, error);
        }
      }
      return recovered;
    },
  };
}
