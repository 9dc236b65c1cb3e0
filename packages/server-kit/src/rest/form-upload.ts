// `POST /api/media/upload`: one file in multipart form data (field `file`, optional `operationId`),
// for small files and clients without tus. Streams to storage with a size cap; answers
// `{success, fileId, operationId}` or `{success: false, error}` with a fitting status. Without an
// operationId the server mints one (also sent in the Mediabay-Operation-Id header).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { OPERATION_ID_HEADER } from '@mediabay/core/protocol';
import busboy from 'busboy';
import { requireAccess } from '../access/guard.js';
import type { MediaContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { heapGrowth } from '../http/heap-growth.js';
import { sendJson } from '../http/respond.js';
import { newId } from '../media/ids.js';
import { checkQuota, ingestMedia } from '../media/ingest.js';
import { checkReplace, replaceRequest } from '../media/replace.js';
import { checkOperationUse } from '../media/operation-claim.js';
import { generatedName, isClientOperationId, mintOperationId } from '../media/operation-ids.js';
import type { AuthContext } from '../options.js';
import { fileName } from './validate.js';

interface Received {
  key: string;
  name: string;
  claimedType: string;
  size: number;
  truncated: boolean;
}

/** Called when the file part starts, with the fields sent before it; throws to refuse storing it. */
type BeforeStore = (fields: ReadonlyMap<string, string>, filename: string | undefined) => Promise<void>;

function parseForm(
  ctx: Pick<MediaContext, 'options' | 'storage'>,
  req: IncomingMessage,
  beforeStore: BeforeStore,
): Promise<{ fields: Map<string, string>; file?: Received }> {
  const max = ctx.options.limits.maxFileSize;
  const aborted = () => new HttpError(400, 'upload-aborted', 'The upload was cut off.');
  // a big form body is chunks V8 counts like a tus body's (http/heap-growth.ts): held until the form
  // is read or refused (the request's 'close' may never come once an early answer was sent)
  const release = heapGrowth.hold();
  return new Promise<{ fields: Map<string, string>; file?: Received }>((resolve, reject) => {
    // a client gone while access and quota were checked: its 'close' came before any listener here
    if (req.destroyed) return reject(aborted());
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8', // browsers send file names as raw UTF-8 (busboy's default is latin1)
        limits: { files: 1, fields: 4, parts: 6, fieldSize: 1024, fileSize: max, headerPairs: 20 },
      });
    } catch {
      reject(new HttpError(400, 'invalid-form', 'Send the file as multipart/form-data.'));
      return;
    }
    const fields = new Map<string, string>();
    let stored: Promise<Received> | undefined;
    parser.on('field', (name, value) => fields.set(name, value));
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || stored) {
        stream.resume();
        return;
      }
      const key = `media/${newId()}`;
      const received: Received = {
        key,
        name: info.filename,
        claimedType: info.mimeType,
        size: 0,
        truncated: false,
      };
      stream.on('limit', () => (received.truncated = true));
      // a client gone mid-file: the file being written is closed and its bytes removed at once
      req.once('close', () => {
        if (!req.complete) stream.destroy(new Error('the request was cut off'));
      });
      stored = beforeStore(fields, info.filename).then(
        () =>
          ctx.storage
            .write(key, stream)
            .then((size) => ({ ...received, size, truncated: received.truncated })),
        (error: unknown) => {
          stream.resume(); // refused before storing: read the rest away
          throw error;
        },
      );
      stored.catch((error: unknown) => {
        // storing failed (a full disk...): answer now, reading the rest of the body away, rather
        // than wait for a form that no longer moves
        req.unpipe(parser);
        req.resume();
        reject(error);
      });
    });
    let refused = false;
    parser.on('filesLimit', () => {
      refused = true;
      const error = new HttpError(400, 'invalid-form', 'Send one file per request.');
      // the first file is still being stored: remove it before answering, so a refusal keeps no bytes
      if (!stored) return reject(error);
      stored
        .then((file) => ctx.storage.remove(file.key))
        .catch(() => undefined)
        .finally(() => reject(error));
    });
    parser.on('error', () => reject(new HttpError(400, 'invalid-form', 'The form data is malformed.')));
    parser.on('close', () => {
      if (refused) return;
      if (!stored) resolve({ fields });
      else stored.then((file) => resolve({ fields, file }), reject);
    });
    req.once('close', () => {
      if (!req.complete) reject(aborted());
    });
    req.pipe(parser);
  }).finally(release);
}

export async function handleFormUpload(
  ctx: MediaContext,
  req: IncomingMessage,
  res: ServerResponse,
  auth: AuthContext,
): Promise<void> {
  try {
    await receive(ctx, req, res, auth);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    // The contract's answer shape, with the usual error body inside it.
    sendJson(res, error.status, { success: false, ...error.toBody() }, error.headers);
  }
}

async function receive(
  ctx: MediaContext,
  req: IncomingMessage,
  res: ServerResponse,
  auth: AuthContext,
): Promise<void> {
  await requireAccess(ctx, auth, 'upload');
  const max = ctx.options.limits.maxFileSize;
  if (Number(req.headers['content-length'] ?? 0) > max + 64 * 1024) {
    throw new HttpError(413, 'file-too-large', `Files may be at most ${max} bytes.`, { Connection: 'close' });
  }
  await checkQuota(ctx, auth.tenantId);
  const operationOf = (fields: ReadonlyMap<string, string>): string | undefined => {
    const sent = fields.get('operationId');
    if (sent !== undefined && !isClientOperationId(sent))
      throw new HttpError(
        400,
        'invalid-field',
        'operationId must be 1-128 characters of A-Z, a-z, 0-9, ".", "_", ":" and "-".',
      );
    return sent;
  };
  // an operation another upload holds is refused before a byte of the file is stored (the size is
  // checked again once known, in ingestMedia)
  const replaceOf = (fields: ReadonlyMap<string, string>) =>
    replaceRequest(fields.get('replaceFileId'), fields.get('replaceName'));
  const beforeStore: BeforeStore = async (fields, filename) => {
    const replace = replaceOf(fields); // sent before the file: 404/409/403 before a byte is stored
    if (replace) await checkReplace(ctx, auth, replace.fileId);
    const sent = operationOf(fields);
    if (sent === undefined) return;
    const name = fileName(filename || generatedName(sent));
    await ctx.db.transaction((tx) =>
      checkOperationUse(tx, sent, { tenantId: auth.tenantId, ownerId: auth.userId, name, size: undefined }),
    );
  };
  const { fields, file } = await parseForm(ctx, req, beforeStore);
  const removeFile = async (): Promise<void> => {
    if (file) await ctx.storage.remove(file.key);
  };
  try {
    if (!file) throw new HttpError(400, 'invalid-form', 'The form has no `file` field.');
    if (file.truncated) throw new HttpError(413, 'file-too-large', `Files may be at most ${max} bytes.`);
    const operationId = operationOf(fields) ?? mintOperationId();
    const replace = replaceOf(fields);
    if (replace) await checkReplace(ctx, auth, replace.fileId);
    const { record, copy } = await ingestMedia(ctx, {
      tenantId: auth.tenantId,
      ownerId: auth.userId,
      name: fileName(file.name || generatedName(operationId)),
      claimedType: file.claimedType,
      size: file.size,
      storageKey: file.key,
      operationId,
      auditCreated: true,
      ...(replace ? { replace } : {}),
    });
    if (copy) await removeFile(); // a repeated upload of an operation that has its file
    sendJson(
      res,
      201,
      { success: true, fileId: record.id, operationId },
      { [OPERATION_ID_HEADER]: operationId },
    );
  } catch (error) {
    await removeFile();
    throw error;
  }
}
