import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MediaFile, OperationStatus, ServerEvent } from '../protocol.js';
import { fromOperationStatus, fromServerEvent, operationOf } from './server-events.js';
import type { UploadItem, UploadStatus } from '../types.js';

const op = 'media_upload_1764140000000_abcdefghijklmno';
const item = (status: UploadStatus = 'uploading'): UploadItem => ({
  operationId: op,
  name: 'a.mp4',
  size: 2000,
  mimeType: 'video/mp4',
  type: 'video',
  status,
  progress: 0,
  bytesUploaded: 0,
  timeRemaining: null,
  speed: 0,
  addedAt: 0,
});
const file = (status: MediaFile['status'], error?: string): MediaFile => ({
  id: 'f1',
  name: 'a.mp4',
  type: 'video',
  mimeType: 'video/mp4',
  size: 2000,
  status,
  createdAt: '',
  updatedAt: '',
  ownerId: 'u',
  tags: [],
  contentUrl: '/c',
  usages: [],
  operationId: op,
  ...(error ? { error } : {}),
});

test('socket events become machine events', () => {
  const table: [ServerEvent, UploadStatus, unknown][] = [
    [
      {
        type: 'media-upload-progress',
        operationId: op,
        data: { progress: 50, bytesReceived: 1000, bytesTotal: 2000 },
      },
      'uploading',
      { type: 'UPLOAD.PROGRESS', bytesUploaded: 1000 },
    ],
    [
      { type: 'media-upload-complete', operationId: op, fileId: 'f1', success: true },
      'uploading',
      { type: 'UPLOAD.SUCCESS', fileId: 'f1' },
    ],
    [
      {
        type: 'media-processing-progress',
        operationId: op,
        fileId: 'f1',
        data: { progress: 40, stage: 'thumbnail' },
      },
      'processing',
      { type: 'PROCESSING.PROGRESS', progress: 40, stage: 'thumbnail', fileId: 'f1' },
    ],
    [{ type: 'media-created', file: file('ready') }, 'uploading', { type: 'PROCESSING.DONE', fileId: 'f1' }],
    [
      { type: 'media-created', file: file('processing') },
      'uploading',
      { type: 'UPLOAD.SUCCESS', fileId: 'f1' },
    ],
    [{ type: 'media-created', file: file('processing') }, 'processing', null],
    [
      { type: 'media-updated', file: file('error', 'ffprobe failed') },
      'processing',
      {
        type: 'UPLOAD.ERROR',
        error: {
          code: 'processing-failed',
          message: 'The server could not process the file.',
          retryable: false,
        },
      },
    ],
    [
      { type: 'media-upload-error', operationId: op, error: { code: 'file-type', message: 'Not a video.' } },
      'uploading',
      {
        type: 'UPLOAD.ERROR',
        error: { code: 'file-type', message: 'Not a video.', retryable: false, fromServer: true },
      },
    ],
    [{ type: 'media-deleted', fileIds: ['f1'] }, 'ready', null],
  ];
  for (const [event, status, want] of table)
    assert.deepEqual(fromServerEvent(event, item(status)), want, event.type);
});

test('operation ids of events', () => {
  assert.equal(operationOf({ type: 'media-created', file: file('ready') }), op);
  assert.equal(operationOf({ type: 'media-deleted', fileIds: [] }), null);
});

test('polled operation status becomes machine events', () => {
  const table: [OperationStatus, UploadStatus, unknown][] = [
    [
      { operationId: op, status: 'uploading', progress: 25 },
      'uploading',
      { type: 'UPLOAD.PROGRESS', bytesUploaded: 500 },
    ],
    [
      { operationId: op, status: 'processing', progress: 0, fileId: 'f1' },
      'uploading',
      { type: 'UPLOAD.SUCCESS', fileId: 'f1' },
    ],
    [
      { operationId: op, status: 'processing', progress: 60, fileId: 'f1' },
      'processing',
      { type: 'PROCESSING.PROGRESS', progress: 60, stage: 'processing' },
    ],
    [
      { operationId: op, status: 'ready', progress: 100, fileId: 'f1' },
      'processing',
      { type: 'PROCESSING.DONE', fileId: 'f1' },
    ],
  ];
  for (const [status, itemStatus, want] of table)
    assert.deepEqual(fromOperationStatus(status, item(itemStatus)), want);
});
