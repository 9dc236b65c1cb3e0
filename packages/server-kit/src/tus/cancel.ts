// A creator's tus DELETE (cancel of an unfinished upload): the upload row goes and `upload.canceled`
// is recorded in one transaction, with the bytes received so far; then the bytes go. On a full disk,
// where that transaction cannot be written, the bytes go first and the transaction is written again.
import type { DataStore } from '@tus/utils';
import type { MediaContext } from '../context.js';
import { storageFailure } from '../storage/failures.js';
import { withMethods } from './store-proxy.js';

/**
 * `store` with `remove` recording the cancel. @tus/server calls `remove` only from its DELETE
 * handler, inside the upload's lock (a running PATCH has stopped), after the route checked that the
 * caller created the upload, and never for a finished one (`disableTerminationForFinishedUploads`).
 */
export function auditCancels(ctx: Pick<MediaContext, 'options' | 'db'>, store: DataStore): DataStore {
  async function remove(id: string): Promise<void> {
    const { offset } = await store.getUpload(id); // throws tus' 404 when the bytes are gone already
    const record = (): Promise<void> =>
      ctx.db.transaction(async (tx) => {
        const row = await tx.getUpload(id);
        await tx.deleteUpload(id);
        if (!row) return; // bytes without a row (a crash between two writes): nothing to attribute
        await tx.appendAudit({
          tenantId: row.tenantId,
          userId: row.ownerId,
          action: 'upload.canceled',
          operationId: row.operationId,
          detail: { name: row.name, size: row.size, bytesReceived: offset },
        });
      });
    try {
      await record();
    } catch (error) {
      if (!storageFailure(error)) throw error; // the upload stays as it was; a retried cancel works
      // A full disk (the embedded database shares it): the bytes go first to free the room.
      await store.remove(id);
      await record();
      return;
    }
    // As for deleted files: bytes left behind by a failure here are removed by the expiry sweep.
    await store.remove(id).catch((error: unknown) => ctx.options.logger.error(`tus cancel ${id}`, error));
  }

  return withMethods(store, { remove });
}
