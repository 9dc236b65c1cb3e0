import { expect } from '@open-wc/testing';
import type { UploadItem, UploadStatus } from '@mediabay/core';
import { rowActions } from './upload-row.js';

const base: UploadItem = {
  operationId: 'op',
  name: 'a.mp4',
  size: 1,
  mimeType: 'video/mp4',
  type: 'video',
  status: 'queued',
  progress: 0,
  bytesUploaded: 0,
  timeRemaining: null,
  speed: 0,
  addedAt: 0,
};

describe('row actions by status', () => {
  const table: [UploadStatus, boolean, string[]][] = [
    ['queued', false, ['cancel']],
    ['uploading', false, ['pause', 'cancel']],
    ['paused', false, ['resume', 'cancel']],
    ['processing', false, []],
    ['ready', false, []],
    ['error', false, ['retry', 'cancel']],
    ['canceled', false, []],
    ['paused', true, ['choose', 'cancel']],
    ['ready', true, []],
  ];
  for (const [status, waiting, expected] of table) {
    it(`offers ${JSON.stringify(expected)} when ${status}${waiting ? ' and waiting for the file' : ''}`, () => {
      expect(rowActions({ ...base, status, waitingForFile: waiting })).to.deep.equal(expected);
    });
  }
});
