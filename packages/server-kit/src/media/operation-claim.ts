// Who may use an operation id. The operation's file and its unfinished uploads hold it; a new upload
// under it is let through only as a genuine repeat (same uploader, same name, same size: a creating
// POST whose answer was lost, a retried multipart), which then merges into the operation's one file.
// Anything else, another user's upload or a different file, is refused with 409 before a byte is
// stored, and the holder's upload is never touched.
import type { MediaDatabase, OperationHolders } from '../db/database.js';
import { HttpError } from '../http/errors.js';

export interface OperationUse {
  tenantId: string;
  ownerId: string;
  name: string;
  /** null: deferred (tus Upload-Defer-Length); undefined: not known yet (a multipart file part starting) */
  size: number | null | undefined;
}

interface Holder {
  ownerId: string;
  size: number | null;
  /** the file's name now and the names it was uploaded under (a rename does not make a retry new) */
  names: string[];
}

export const operationConflict = (): HttpError =>
  new HttpError(
    409,
    'operation-conflict',
    'This operation id already belongs to another upload. Start the upload under a new operation id.',
  );

function holdersOf({ file, uploads }: OperationHolders): Holder[] {
  const holders: Holder[] = uploads
    .filter((upload) => upload.mediaId === null)
    .map((upload) => ({ ownerId: upload.ownerId, size: upload.size, names: [upload.name] }));
  if (file) {
    const uploadedAs = uploads.filter((upload) => upload.mediaId === file.id).map((upload) => upload.name);
    holders.push({ ownerId: file.ownerId, size: file.size, names: [file.name, ...uploadedAs] });
  }
  return holders;
}

const repeats = (holder: Holder, use: OperationUse): boolean =>
  holder.ownerId === use.ownerId &&
  (use.size === undefined || holder.size === use.size) &&
  holder.names.includes(use.name);

/** Throws `409 operation-conflict` unless every holder of the operation is repeated by `use`. */
export function assertOperationUse(holders: OperationHolders, use: OperationUse): void {
  if (holdersOf(holders).some((holder) => !repeats(holder, use))) throw operationConflict();
}

/**
 * Throws `409 operation-conflict` unless `use` may go on under `operationId`. Call it inside the
 * transaction that then records the use (the upload row, the file row): the operation stays locked
 * until that transaction ends, so two uploads cannot both pass as first.
 */
export async function checkOperationUse(
  tx: MediaDatabase,
  operationId: string,
  use: OperationUse,
): Promise<void> {
  await tx.lockOperation(use.tenantId, operationId);
  assertOperationUse(await tx.listOperationHolders(use.tenantId, operationId), use);
}
