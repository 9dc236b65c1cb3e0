// Translates what the server says (socket events, polled operation status) into machine events.
// Pure, so the mapping can be read and tested as a table.
import type { OperationStatus, ServerEvent } from '../protocol.js';
import type { UploadItem } from '../types.js';
import { messageFor } from '../uploads/upload-errors.js';
import type { UploadEvent } from '../uploads/upload-machine.js';

/** The operation a server event is about, if any. */
export function operationOf(event: ServerEvent): string | null {
  if (event.type === 'media-created' || event.type === 'media-updated') return event.file.operationId || null;
  if (event.type === 'media-deleted') return null;
  return event.operationId;
}

export function fromServerEvent(event: ServerEvent, item: UploadItem): UploadEvent | null {
  switch (event.type) {
    case 'media-upload-progress':
      return {
        type: 'UPLOAD.PROGRESS',
        bytesUploaded:
          event.data.bytesTotal > 0 && event.data.bytesTotal !== item.size
            ? (event.data.bytesReceived / event.data.bytesTotal) * item.size
            : event.data.bytesReceived,
      };
    case 'media-upload-complete':
      return event.success
        ? { type: 'UPLOAD.SUCCESS', fileId: event.fileId }
        : {
            type: 'UPLOAD.ERROR',
            error: { code: 'server-error', message: messageFor('server-error'), retryable: true },
          };
    case 'media-processing-progress':
      return {
        type: 'PROCESSING.PROGRESS',
        progress: event.data.progress,
        stage: event.data.stage,
        fileId: event.fileId,
      };
    case 'media-created':
    case 'media-updated':
      if (event.file.status === 'ready') return { type: 'PROCESSING.DONE', fileId: event.file.id };
      if (event.file.status === 'error')
        return {
          type: 'UPLOAD.ERROR',
          // the server's processing error may quote a tool's output: the UI says it in its own words
          error: { code: 'processing-failed', message: messageFor('processing-failed'), retryable: false },
        };
      return item.status === 'processing' ? null : { type: 'UPLOAD.SUCCESS', fileId: event.file.id };
    case 'media-upload-error':
      return {
        type: 'UPLOAD.ERROR',
        // the server's own words about this file (a refused type, a quota): shown as they are
        error: { code: event.error.code, message: event.error.message, retryable: false, fromServer: true },
      };
    case 'media-deleted':
      return null;
  }
}

export function fromOperationStatus(status: OperationStatus, item: UploadItem): UploadEvent | null {
  switch (status.status) {
    case 'uploading':
      return { type: 'UPLOAD.PROGRESS', bytesUploaded: (status.progress / 100) * item.size };
    case 'processing':
      return item.status === 'processing'
        ? {
            type: 'PROCESSING.PROGRESS',
            progress: status.progress,
            stage: item.processing?.stage ?? 'processing',
          }
        : { type: 'UPLOAD.SUCCESS', ...(status.fileId ? { fileId: status.fileId } : {}) };
    case 'ready':
      return { type: 'PROCESSING.DONE', ...(status.fileId ? { fileId: status.fileId } : {}) };
    case 'error':
      return {
        type: 'UPLOAD.ERROR',
        error: { code: 'processing-failed', message: messageFor('processing-failed'), retryable: false },
      };
  }
}
