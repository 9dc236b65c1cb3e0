// Everything a tus request must pass before @tus/server sees it, with a clear JSON 4xx and nothing
// stored otherwise: the method for the path, the caller's right to upload, the headers, a replace
// target, the quotas (those on unfinished uploads are read with the upload's insert, in
// upload-create.ts), and for an existing upload that it is the caller's own. Also the headers our
// answer adds (the operation id; Upload-Expires on HEAD).
import type { IncomingMessage } from 'node:http';
import { OPERATION_ID_HEADER } from '@mediabay/core/protocol';
import { type AccessContext, deny, requireAccess } from '../access/guard.js';
import type { UploadRecord } from '../db/database.js';
import { HttpError } from '../http/errors.js';
import { isId } from '../media/ids.js';
import { checkQuota } from '../media/ingest.js';
import { checkReplace } from '../media/replace.js';
import { checkReservable } from '../media/upload-quota.js';
import type { AuthContext } from '../options.js';
import type { UploadMetadata } from './metadata.js';
import { checkTusHeaders } from './upload-headers.js';
import type { UploadFinisher } from './upload-finish.js';

export interface CheckedRequest {
  /** the creating POST's metadata */
  metadata?: UploadMetadata;
  /** headers for tus' answer */
  extra: Record<string, string>;
  /** the existing upload the request is about, as read here (its owner checked) */
  upload?: UploadRecord;
}

function checkMethod(method: string, uploadId: string | undefined, rest: string[]): void {
  if (rest.length > 1) throw new HttpError(404, 'not-found', 'No such upload.');
  if (method === 'GET') {
    throw new HttpError(405, 'method-not-allowed', 'Read files from the content route.', {
      Allow: 'HEAD, PATCH, DELETE',
    });
  }
  if (uploadId === undefined ? !['POST', 'OPTIONS'].includes(method) : method === 'POST')
    throw new HttpError(405, 'method-not-allowed', `${method} is not allowed here.`);
}

/** The caller's own upload; another tenant's is answered exactly like a missing one. */
async function ownUpload(ctx: AccessContext, uploadId: string, auth: AuthContext): Promise<UploadRecord> {
  const row = isId(uploadId) ? await ctx.db.getUpload(uploadId) : undefined;
  if (!row || row.tenantId !== auth.tenantId) throw new HttpError(404, 'not-found', 'No such upload.');
  // only its creator continues, inspects or cancels an upload, and only while allowed to upload
  await requireAccess(ctx, auth, 'upload');
  if (row.ownerId !== auth.userId) await deny(ctx, auth, 'upload', { uploadId });
  return row;
}

async function checkCreation(
  ctx: AccessContext,
  req: IncomingMessage,
  auth: AuthContext,
  metadata?: UploadMetadata,
): Promise<void> {
  if (metadata?.replace)
    await checkReplace(ctx, auth, metadata.replace.fileId); // 404/409/403
  else await checkQuota(ctx, auth.tenantId, metadata?.operationId);
  // the unfinished uploads' totals are read with the upload's insert (upload-create.ts)
  const length = req.headers['upload-length'];
  checkReservable(ctx.options.limits, length === undefined ? undefined : Number(length));
}

export async function checkTusRequest(
  ctx: AccessContext,
  req: IncomingMessage,
  auth: AuthContext,
  rest: string[],
  finisher: UploadFinisher,
  discovery: Record<string, string>,
): Promise<CheckedRequest> {
  const method = req.method ?? 'GET';
  const uploadId = rest[0];
  checkMethod(method, uploadId, rest);
  if (method === 'POST') await requireAccess(ctx, auth, 'upload');
  const metadata = checkTusHeaders(req, ctx.options.limits.maxFileSize);
  if (method === 'POST') await checkCreation(ctx, req, auth, metadata);
  const extra: Record<string, string> = method === 'OPTIONS' ? { ...discovery } : {};
  if (metadata) extra[OPERATION_ID_HEADER] = metadata.operationId;
  let row: UploadRecord | undefined;
  if (uploadId !== undefined && method !== 'OPTIONS') {
    row = await ownUpload(ctx, uploadId, auth);
    if (method === 'HEAD') await finisher.finishIfComplete(row);
    extra[OPERATION_ID_HEADER] = row.operationId;
    if (method === 'HEAD' && !row.mediaId) {
      const expires = Date.parse(row.createdAt) + ctx.options.limits.uploadExpiryMs;
      extra['Upload-Expires'] = new Date(expires).toUTCString();
    }
  }
  return { extra, ...(metadata ? { metadata } : {}), ...(row ? { upload: row } : {}) };
}
