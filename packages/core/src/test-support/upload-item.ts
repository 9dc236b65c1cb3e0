// One UploadItem factory for the core tests: a queued upload of 1,000 bytes named after its id.
import type { UploadItem } from '../types.js';

export const uploadItem = (id: string, over: Partial<UploadItem> = {}): UploadItem => ({
  operationId: id,
  name: `${id}.bin`,
  size: 1000,
  mimeType: 'application/octet-stream',
  type: 'other',
  status: 'queued',
  progress: 0,
  bytesUploaded: 0,
  timeRemaining: null,
  speed: 0,
  addedAt: 0,
  ...over,
});
