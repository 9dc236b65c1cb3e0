// The record of a new tus upload, written when tus creates it (before it stores a byte), in one
// transaction of two statements: the upload row (with its `upload.created` entry, 0011; on
// PostgreSQL the operation's lock first), then one read of the operation's holders and the
// unfinished uploads' totals, which count the new row. A conflict (409, another upload holds the
// operation) or a quota (429) rolls the row back. Returns the row, which the request's later steps
// use instead of reading it again. The row keeps the upload's tus metadata as HEAD shows it (with the
// operation id and name the server used): the local tus store reads its info from the row
// (upload-info.ts).
import type { Upload } from '@tus/server';
import type { MediaDatabase, UploadRecord } from '../db/database.js';
import { assertOperationUse } from '../media/operation-claim.js';
import type { UploadQuotaLimits } from '../media/upload-quota-limits.js';
import { checkPending } from '../media/upload-quota.js';
import type { AuthContext } from '../options.js';
import type { UploadMetadata } from './metadata.js';

export async function recordUploadCreation(
  db: MediaDatabase,
  limits: UploadQuotaLimits,
  auth: AuthContext,
  upload: Upload,
  metadata: UploadMetadata,
): Promise<UploadRecord> {
  const size = upload.size ?? null;
  const { operationId, filename } = metadata;
  const record: UploadRecord = {
    id: upload.id,
    tenantId: auth.tenantId,
    ownerId: auth.userId,
    operationId: metadata.operationId,
    name: metadata.filename,
    mimeType: metadata.filetype,
    size,
    offset: 0,
    createdAt: upload.creation_date ?? new Date().toISOString(),
    mediaId: null,
    tusMetadata: { ...upload.metadata, operationId, filename },
  };
  await db.transaction(async (tx) => {
    await tx.insertUpload(record);
    const { holders, pending } = await tx.creationState(auth.tenantId, auth.userId, metadata.operationId);
    checkPending(limits, pending);
    assertOperationUse(holders, {
      tenantId: auth.tenantId,
      ownerId: auth.userId,
      name: metadata.filename,
      size,
    });
  });
  return record;
}
