import { expect } from '@open-wc/testing';
import type { UploadItem, UploadStatus } from '@mediabay/core';
import { en } from '../i18n/en.js';
import { announcement } from './announcements.js';

function item(operationId: string, status: UploadStatus, extra: Partial<UploadItem> = {}): UploadItem {
  return {
    operationId,
    name: `${operationId}.mp4`,
    size: 100,
    mimeType: 'video/mp4',
    type: 'video',
    status,
    progress: 0,
    bytesUploaded: 0,
    timeRemaining: null,
    speed: 0,
    addedAt: 0,
    ...extra,
  };
}

describe('panel announcements', () => {
  const table: [UploadStatus | undefined, UploadStatus, string[]][] = [
    [undefined, 'queued', []],
    ['queued', 'uploading', ['Uploading a.mp4']],
    ['uploading', 'uploading', []],
    ['uploading', 'paused', []],
    ['paused', 'uploading', []],
    ['uploading', 'processing', []],
    ['processing', 'ready', ['a.mp4 is ready']],
    ['uploading', 'error', ['a.mp4 failed: Network down']],
    ['uploading', 'canceled', []],
  ];
  for (const [before, after, expected] of table) {
    it(`says ${JSON.stringify(expected)} for ${before ?? 'new'} -> ${after}`, () => {
      const next = item('a', after, { error: { code: 'network', message: 'Network down', retryable: true } });
      expect([announcement(before, next, en)].filter(Boolean)).to.deep.equal(expected);
    });
  }

  it('never repeats itself for progress-only changes', () => {
    expect(announcement('uploading', item('a', 'uploading', { progress: 60 }), en)).to.equal(null);
  });
});
