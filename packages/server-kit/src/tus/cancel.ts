// A creator's tus DELETE (cancel of an unfinished upload): the upload row goes and `upload.canceled`
// is recorded in one transaction, with the bytes received so far; then the bytes go.
import type { DataStore } from '@tus/utils';
import type { MediaContext } from '../context.js';

/**
 * `store` with `remove` recording the cancel. @tus/server calls `remove` only from its DELETE
 * handler, inside the upload's lock (a running PATCH has stopped), after the route checked that the
 * caller created the upload, and never for a finished one (`disableTerminationForFinishedUploads`).
 */
export function auditCancels(ctx: MediaContext, store: DataStore): DataStore {
  async function remove(id: string): Promise<void> {
    const { offset } = await store.getUpload(id); // throws tus' 404 when the bytes are gone already
    await ctx.db.transaction(async (tx) => {
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
    // As for deleted files: bytes left behind by a failure here are removed by the expiry sweep.
    await store.remove(id).catch((error: unknown) => console.error('[mediabay] tus cancel', id, error));
  }

  return new Proxy(store, {
    get(target, property) {
      if (property === 'remove') return remove;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
