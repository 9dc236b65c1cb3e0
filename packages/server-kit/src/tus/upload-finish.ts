// Turns an upload whose bytes are complete into a library file (ingestMedia), once: a repeated final
// PATCH, a HEAD after a crash between the last byte and the file, and start-up recovery all land
// here. An upload that repeated an operation which already has its file is answered with that file;
// its own bytes go once tus has answered (tus still reads them to answer).
import type { Upload } from '@tus/server';
import { TUS_METADATA } from '@mediabay/core/protocol';
import type { MediaContext } from '../context.js';
import type { UploadRecord } from '../db/database.js';
import { HttpError } from '../http/errors.js';
import { AlreadyFinished, ingestMedia } from '../media/ingest.js';
import { replaceRequest } from '../media/replace.js';
import { uploadKey } from '../storage/keys.js';
import type { ProgressTracker } from './progress.js';

export interface UploadFinisher {
  /**
   * The file's id. `answering`: tus still reads the upload to answer its request. `known`: the
   * upload's row as the request already read or wrote it (else it is read here). `head`: the
   * file's first bytes as the request wrote them (else they are read back to sniff the type).
   */
  finish(upload: Upload, answering: boolean, known?: UploadRecord, head?: Buffer): Promise<string>;
  /** Bytes complete but no library file (the finish step failed, or the process died): finish now. */
  finishIfComplete(row: UploadRecord): Promise<void>;
  /** tus has answered the request that finished `uploadId`. */
  answered(uploadId: string): void;
}

export function createUploadFinisher(ctx: MediaContext, progress: ProgressTracker): UploadFinisher {
  const { db, bus, storage, options } = ctx;
  const copies = new Set<string>();
  const removeCopy = (id: string): Promise<void> =>
    storage.remove(uploadKey(id)).catch((error: unknown) => options.logger.error(`copy ${id}`, error));

  async function ingest(upload: Upload, row: UploadRecord, size: number, head?: Buffer) {
    try {
      return await ingestMedia(ctx, {
        tenantId: row.tenantId,
        ownerId: row.ownerId,
        name: row.name,
        claimedType: row.mimeType,
        size,
        storageKey: uploadKey(upload.id),
        operationId: row.operationId,
        uploadId: upload.id,
        ...(head ? { head } : {}),
        // what the upload was created with (checked then, see checkReplace)
        replace: replaceRequest(
          upload.metadata?.[TUS_METADATA.replaceFileId] ?? undefined,
          upload.metadata?.[TUS_METADATA.replaceName] ?? undefined,
        ),
      });
    } catch (error) {
      if (error instanceof AlreadyFinished) {
        const done = (await db.getUpload(upload.id))?.mediaId;
        if (done) return { record: { id: done }, copy: false };
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
  }

  async function finish(
    upload: Upload,
    answering: boolean,
    known?: UploadRecord,
    head?: Buffer,
  ): Promise<string> {
    progress.forget(upload.id);
    const row = known ?? (await db.getUpload(upload.id));
    if (!row) throw new Error(`finished upload ${upload.id} has no row`);
    if (row.mediaId) return row.mediaId; // a repeated final PATCH: the file already exists
    const size = upload.size ?? upload.offset;
    bus.publish(row.tenantId, {
      type: 'media-upload-progress',
      operationId: row.operationId,
      data: { progress: 100, bytesReceived: size, bytesTotal: size, timeRemaining: 0 },
    });
    // the row's offset is written with the file (setUploadMedia); without a file, here
    const ingested = await ingest(upload, row, size, head).catch(async (error: unknown) => {
      await db.setUploadOffset(upload.id, size).catch(() => undefined);
      throw error;
    });
    if (ingested.copy) {
      if (answering) copies.add(upload.id);
      else await removeCopy(upload.id);
    }
    return ingested.record.id;
  }

  return {
    finish,
    async finishIfComplete(row) {
      if (row.mediaId) return;
      let upload: Upload;
      try {
        upload = await storage.tusStore.getUpload(row.id);
      } catch {
        return; // the bytes are gone (expired or terminated)
      }
      if (upload.size !== undefined && upload.offset === upload.size) await finish(upload, false);
    },
    answered(uploadId) {
      if (copies.delete(uploadId)) void removeCopy(uploadId);
    },
  };
}
