// The record of a new tus upload, written when tus creates it: the operation is checked (409 for one
// another upload holds, before tus stores anything), the upload row and its audit entry go in one
// transaction. Returns the row, which the request's later steps use instead of reading it again.
import type { Upload } from '@tus/server';
import type { MediaDatabase, UploadRecord } from '../db/database.js';
import { checkOperationUse } from '../media/operation-claim.js';
import type { AuthContext } from '../options.js';
import type { UploadMetadata } from './metadata.js';

export async function recordUploadCreation(
  db: MediaDatabase,
  auth: AuthContext,
  upload: Upload,
  metadata: UploadMetadata,
): Promise<UploadRecord> {
  const size = upload.size ?? null;
  const record: UploadRecord = {
    id: upload.id,
    tenantId: auth.tenantId,
    ownerId: auth.userId,
    operationId: metadata.operationId,
    name: metadata.filename,
    mimeType: metadata.filetype,
    size,
    offset: 0,
    createdAt: new Date().toISOString(),
    mediaId: null,
  };
  await db.transaction(async (tx) => {
    await checkOperationUse(tx, metadata.operationId, {
      tenantId: auth.tenantId,
      ownerId: auth.userId,
      name: metadata.filename,
      size,
    });
    await tx.insertUpload(record);
    await tx.appendAudit({
      tenantId: auth.tenantId,
      userId: auth.userId,
      action: 'upload.created',
      operationId: metadata.operationId,
      detail: { name: metadata.filename, size, mimeType: metadata.filetype },
    });
  });
  return record;
}
