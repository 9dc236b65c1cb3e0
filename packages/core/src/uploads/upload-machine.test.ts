import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { UploadItem, UploadStatus } from '../types.js';
import {
  transition,
  UPLOAD_EVENT_TYPES,
  UPLOAD_STATES,
  UPLOAD_TRANSITIONS,
  type UploadEvent,
  type TableEventType,
} from './upload-machine.js';

const item = (status: UploadStatus, over: Partial<UploadItem> = {}): UploadItem => ({
  operationId: 'media_upload_1764140000000_abcdefghijklmno',
  name: 'clip.mp4',
  size: 1000,
  mimeType: 'video/mp4',
  type: 'video',
  status,
  progress: 40,
  bytesUploaded: 400,
  timeRemaining: 12,
  speed: 50,
  addedAt: 0,
  ...over,
});

const sample: Record<TableEventType, UploadEvent> = {
  'UPLOAD.START': { type: 'UPLOAD.START' },
  'UPLOAD.PROGRESS': { type: 'UPLOAD.PROGRESS', bytesUploaded: 600, speed: 80, timeRemaining: 5 },
  'UPLOAD.PAUSE': { type: 'UPLOAD.PAUSE' },
  'UPLOAD.RESUME': { type: 'UPLOAD.RESUME' },
  'UPLOAD.CANCEL': { type: 'UPLOAD.CANCEL' },
  'UPLOAD.RETRY': { type: 'UPLOAD.RETRY' },
  'UPLOAD.SUCCESS': { type: 'UPLOAD.SUCCESS', fileId: 'f1' },
  'PROCESSING.PROGRESS': { type: 'PROCESSING.PROGRESS', progress: 30, stage: 'probe', fileId: 'f1' },
  'PROCESSING.DONE': { type: 'PROCESSING.DONE', fileId: 'f1' },
  'UPLOAD.ERROR': { type: 'UPLOAD.ERROR', error: { code: 'network', message: 'offline', retryable: true } },
  'UPLOAD.WAIT': { type: 'UPLOAD.WAIT', waiting: { reason: 'unreachable', retryAt: null } },
  'FILE.MISSING': { type: 'FILE.MISSING' },
  'FILE.PROVIDED': { type: 'FILE.PROVIDED' },
  'UPLOAD.HANDOVER': { type: 'UPLOAD.HANDOVER' },
};

// The expected outcome of every state x event pair, written out so that a change to the table is a
// visible change here. '-' means ignored.
const expected: Record<UploadStatus, Record<TableEventType, UploadStatus | '-'>> = {
  queued: {
    'UPLOAD.START': 'uploading',
    'UPLOAD.PROGRESS': '-',
    'UPLOAD.PAUSE': 'paused',
    'UPLOAD.RESUME': '-',
    'UPLOAD.CANCEL': 'canceled',
    'UPLOAD.RETRY': '-',
    'UPLOAD.SUCCESS': '-',
    'PROCESSING.PROGRESS': '-',
    'PROCESSING.DONE': '-',
    'UPLOAD.ERROR': 'error',
    'UPLOAD.WAIT': 'queued',
    'FILE.MISSING': 'paused',
    'FILE.PROVIDED': '-',
    'UPLOAD.HANDOVER': 'queued',
  },
  uploading: {
    'UPLOAD.START': '-',
    'UPLOAD.PROGRESS': 'uploading',
    'UPLOAD.PAUSE': 'paused',
    'UPLOAD.RESUME': '-',
    'UPLOAD.CANCEL': 'canceled',
    'UPLOAD.RETRY': '-',
    'UPLOAD.SUCCESS': 'processing',
    'PROCESSING.PROGRESS': 'processing',
    'PROCESSING.DONE': 'ready',
    'UPLOAD.ERROR': 'error',
    'UPLOAD.WAIT': 'uploading',
    'FILE.MISSING': 'paused',
    'FILE.PROVIDED': '-',
    'UPLOAD.HANDOVER': 'queued',
  },
  paused: {
    'UPLOAD.START': '-',
    'UPLOAD.PROGRESS': 'paused',
    'UPLOAD.PAUSE': '-',
    'UPLOAD.RESUME': 'queued',
    'UPLOAD.CANCEL': 'canceled',
    'UPLOAD.RETRY': '-',
    'UPLOAD.SUCCESS': 'processing',
    'PROCESSING.PROGRESS': 'processing',
    'PROCESSING.DONE': 'ready',
    'UPLOAD.ERROR': 'error',
    'UPLOAD.WAIT': '-',
    'FILE.MISSING': 'paused',
    'FILE.PROVIDED': 'queued',
    'UPLOAD.HANDOVER': '-',
  },
  processing: {
    'UPLOAD.START': '-',
    'UPLOAD.PROGRESS': '-',
    'UPLOAD.PAUSE': '-',
    'UPLOAD.RESUME': '-',
    'UPLOAD.CANCEL': 'canceled',
    'UPLOAD.RETRY': '-',
    'UPLOAD.SUCCESS': 'processing',
    'PROCESSING.PROGRESS': 'processing',
    'PROCESSING.DONE': 'ready',
    'UPLOAD.ERROR': 'error',
    'UPLOAD.WAIT': '-',
    'FILE.MISSING': '-',
    'FILE.PROVIDED': '-',
    'UPLOAD.HANDOVER': '-',
  },
  ready: {
    'UPLOAD.START': '-',
    'UPLOAD.PROGRESS': '-',
    'UPLOAD.PAUSE': '-',
    'UPLOAD.RESUME': '-',
    'UPLOAD.CANCEL': '-',
    'UPLOAD.RETRY': '-',
    'UPLOAD.SUCCESS': '-',
    'PROCESSING.PROGRESS': '-',
    'PROCESSING.DONE': 'ready',
    'UPLOAD.ERROR': '-',
    'UPLOAD.WAIT': '-',
    'FILE.MISSING': '-',
    'FILE.PROVIDED': '-',
    'UPLOAD.HANDOVER': '-',
  },
  error: {
    'UPLOAD.START': '-',
    'UPLOAD.PROGRESS': '-',
    'UPLOAD.PAUSE': '-',
    'UPLOAD.RESUME': '-',
    'UPLOAD.CANCEL': 'canceled',
    'UPLOAD.RETRY': 'queued',
    'UPLOAD.SUCCESS': '-',
    'PROCESSING.PROGRESS': '-',
    'PROCESSING.DONE': 'ready',
    'UPLOAD.ERROR': '-',
    'UPLOAD.WAIT': '-',
    'FILE.MISSING': 'error',
    'FILE.PROVIDED': 'queued',
    'UPLOAD.HANDOVER': '-',
  },
  canceled: {
    'UPLOAD.START': '-',
    'UPLOAD.PROGRESS': '-',
    'UPLOAD.PAUSE': '-',
    'UPLOAD.RESUME': '-',
    'UPLOAD.CANCEL': '-',
    'UPLOAD.RETRY': '-',
    'UPLOAD.SUCCESS': '-',
    'PROCESSING.PROGRESS': '-',
    'PROCESSING.DONE': '-',
    'UPLOAD.ERROR': '-',
    'UPLOAD.WAIT': '-',
    'FILE.MISSING': '-',
    'FILE.PROVIDED': '-',
    'UPLOAD.HANDOVER': '-',
  },
};

for (const state of UPLOAD_STATES) {
  for (const type of UPLOAD_EVENT_TYPES) {
    const want = expected[state][type];
    test(`${state} + ${type} -> ${want === '-' ? 'ignored' : want}`, () => {
      const before = item(
        state,
        state === 'error' ? { error: { code: 'network', message: 'x', retryable: true }, speed: 0 } : {},
      );
      const frozen = structuredClone(before);
      const { item: after, accepted } = transition(before, sample[type]);
      assert.deepEqual(before, frozen, 'the input item is never mutated');
      assert.equal(UPLOAD_TRANSITIONS[state][type] ?? '-', want);
      if (want === '-') {
        assert.equal(accepted, false);
        assert.equal(after, before, 'an ignored event returns the very same item');
        return;
      }
      assert.equal(accepted, true);
      assert.equal(after.status, want);
      assert.ok(after.progress >= before.progress && after.progress <= 100, `progress ${after.progress}`);
      assert.ok(after.bytesUploaded >= before.bytesUploaded && after.bytesUploaded <= after.size);
      assert.ok(after.speed >= 0);
      if (want !== 'uploading') assert.equal(after.speed, 0, 'only an uploading item has a speed');
      if (want === 'ready') assert.equal(after.progress, 100);
      if (want === 'error') assert.ok(after.error);
    });
  }
}

test('progress never goes back and is clamped to the file size', () => {
  const cases: [number, number, number][] = [
    // [bytes before, reported bytes, expected bytes after]
    [400, 300, 400],
    [400, 1500, 1000],
    [400, -5, 400],
    [0, Number.NaN, 0],
    [400, 401, 401],
  ];
  for (const [before, reported, want] of cases) {
    const { item: after } = transition(item('uploading', { bytesUploaded: before, progress: before / 10 }), {
      type: 'UPLOAD.PROGRESS',
      bytesUploaded: reported,
    });
    assert.equal(after.bytesUploaded, want, `${before} + ${reported}`);
    assert.equal(after.progress, want / 10);
  }
});

test('an empty file counts as fully uploaded when it succeeds', () => {
  const { item: after } = transition(item('uploading', { size: 0, bytesUploaded: 0, progress: 0 }), {
    type: 'UPLOAD.SUCCESS',
  });
  assert.equal(after.progress, 100);
});

test('processing progress is monotonic and clamped', () => {
  let current = item('processing', { processing: { stage: 'probe', progress: 50 } });
  current = transition(current, { type: 'PROCESSING.PROGRESS', progress: 20, stage: 'thumbnail' }).item;
  assert.deepEqual(current.processing, { stage: 'thumbnail', progress: 50 });
  current = transition(current, { type: 'PROCESSING.PROGRESS', progress: 250, stage: 'thumbnail' }).item;
  assert.equal(current.processing?.progress, 100);
});

test('retry clears the error and keeps the bytes already sent', () => {
  const failed = item('error', { error: { code: 'network', message: 'x', retryable: true } });
  const { item: after } = transition(failed, { type: 'UPLOAD.RETRY' });
  assert.equal(after.error, undefined);
  assert.equal(after.bytesUploaded, 400);
});

test('progress that arrives while paused updates bytes but shows no speed', () => {
  const { item: after } = transition(item('paused', { speed: 0, timeRemaining: null }), {
    type: 'UPLOAD.PROGRESS',
    bytesUploaded: 500,
    speed: 90,
    timeRemaining: 3,
  });
  assert.equal(after.bytesUploaded, 500);
  assert.equal(after.speed, 0);
  assert.equal(after.timeRemaining, null);
});

test('an ignored report is late (expected), an ignored command is not', () => {
  const done = item('ready', { progress: 100, bytesUploaded: 1000 });
  for (const type of ['UPLOAD.PROGRESS', 'UPLOAD.SUCCESS', 'PROCESSING.PROGRESS'] as const) {
    const result = transition(done, sample[type]);
    assert.equal(result.accepted, false);
    assert.equal(result.late, true, type);
  }
  for (const type of ['UPLOAD.PAUSE', 'UPLOAD.RETRY', 'UPLOAD.START'] as const) {
    assert.equal(transition(done, sample[type]).late, false, type);
  }
});

test("a mirror takes the driver's item whole, in any state, for the same upload only", () => {
  for (const state of UPLOAD_STATES) {
    const here = item(state);
    const reported = item('uploading', { bytesUploaded: 700, progress: 70, speed: 9, timeRemaining: 33 });
    const { item: after, accepted } = transition(here, { type: 'UPLOAD.MIRROR', item: reported });
    assert.equal(accepted, true);
    assert.equal(after, reported);
  }
  const other = item('ready', { operationId: 'media_upload_1764140000000_zzzzzzzzzzzzzzz' });
  const { item: after, accepted } = transition(item('paused'), { type: 'UPLOAD.MIRROR', item: other });
  assert.equal(accepted, false);
  assert.equal(after.status, 'paused');
});
