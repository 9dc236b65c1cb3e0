// What the server knows of operations (the polling fallback and the client's catch-up): each one's
// file, else its newest upload in flight. Two reads whatever the number of ids, in the order asked;
// operations the tenant does not have are left out.
import type { OperationStatus } from '@mediabay/core/protocol';
import type { MediaDatabase, MediaRecord, UploadRecord } from '../db/database.js';
import { publicMessage } from '../media/public-message.js';

type StatusReads = Pick<MediaDatabase, 'getMediaRowsByOperation' | 'getUploadsByOperation'>;

export async function operationStatuses(
  db: StatusReads,
  tenantId: string,
  operationIds: string[],
): Promise<OperationStatus[]> {
  const files = await db.getMediaRowsByOperation(tenantId, operationIds);
  const rest = operationIds.filter((id) => !files.has(id));
  const uploads = await db.getUploadsByOperation(tenantId, rest);
  return operationIds.flatMap((id) => {
    const status = statusOf(id, files.get(id), uploads.get(id));
    return status ? [status] : [];
  });
}

function statusOf(
  operationId: string,
  media: MediaRecord | undefined,
  upload: UploadRecord | undefined,
): OperationStatus | undefined {
  if (media) {
    const status: OperationStatus = { operationId, status: media.status, progress: 100, fileId: media.id };
    if (media.error) status.error = publicMessage(media.error);
    return status;
  }
  if (!upload) return undefined;
  const progress = upload.size ? Math.floor((upload.offset / upload.size) * 100) : 0;
  return { operationId, status: 'uploading', progress };
}
