import { expect } from '@open-wc/testing';
import type { UploadItem, UploadStatus } from '@mediabay/core';
import { en } from '../i18n/en.js';
import { fr } from '../i18n/fr.js';
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
    [undefined, 'error', []],
    ['queued', 'uploading', []],
    ['uploading', 'uploading', []],
    ['uploading', 'paused', ['a.mp4 paused']],
    ['queued', 'paused', ['a.mp4 paused']],
    ['paused', 'uploading', ['a.mp4 resumed']],
    ['uploading', 'processing', []],
    ['processing', 'ready', []],
    ['uploading', 'error', ['a.mp4 failed: The connection to the server was lost.']],
    ['uploading', 'canceled', ['a.mp4 canceled']],
    ['queued', 'canceled', ['a.mp4 canceled']],
  ];
  for (const [before, after, expected] of table) {
    it(`says ${JSON.stringify(expected)} for ${before ?? 'new'} -> ${after}`, () => {
      const next = item('a', after, { error: { code: 'network', message: 'Network down', retryable: true } });
      expect([announcement(before, next, en)].filter(Boolean)).to.deep.equal(expected);
    });
  }

  it("reads a final server answer as the server wrote it, any other failure in the reader's language", () => {
    const server = item('a', 'error', {
      error: {
        code: 'file-too-large',
        message: 'Files over 2 GB are refused.',
        retryable: false,
        fromServer: true,
      },
    });
    expect(announcement('uploading', server, en)).to.equal('a.mp4 failed: Files over 2 GB are refused.');
    const client = item('a', 'error', {
      error: {
        code: 'network',
        message: 'tus: failed to resume upload, caused by [object ProgressEvent]',
        retryable: true,
      },
    });
    expect(announcement('uploading', client, fr)).to.equal(
      'Échec de a.mp4 : La connexion au serveur a été perdue.',
    );
  });

  it('never repeats itself for progress-only changes', () => {
    expect(announcement('uploading', item('a', 'uploading', { progress: 60 }), en)).to.equal(null);
  });
});
