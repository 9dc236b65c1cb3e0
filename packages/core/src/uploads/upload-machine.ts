// The upload statechart as data: one transition table and one pure reducer over UploadItem.
// "What can happen from `paused`?" is answered by reading UPLOAD_TRANSITIONS.paused.
import type { UploadError, UploadItem, UploadStatus, UploadWaiting } from '../types.js';

export type UploadEvent =
  | { type: 'UPLOAD.START' }
  | { type: 'UPLOAD.PROGRESS'; bytesUploaded: number; speed?: number; timeRemaining?: number | null }
  | { type: 'UPLOAD.PAUSE' }
  | { type: 'UPLOAD.RESUME' }
  | { type: 'UPLOAD.CANCEL' }
  | { type: 'UPLOAD.RETRY' }
  | { type: 'UPLOAD.SUCCESS'; fileId?: string }
  | { type: 'PROCESSING.PROGRESS'; progress: number; stage: string; fileId?: string }
  | { type: 'PROCESSING.DONE'; fileId?: string }
  | { type: 'UPLOAD.ERROR'; error: UploadError }
  /** the upload waits to be tried again by itself (no connection, rate-limited, server busy) */
  | { type: 'UPLOAD.WAIT'; waiting: UploadWaiting }
  /** a restored item whose File is not available (after a reload, or in another tab) */
  | { type: 'FILE.MISSING' }
  /** the user chose the file of a `waitingForFile` item again */
  | { type: 'FILE.PROVIDED' }
  /** the tab that drove this upload went away; this tab queues it to continue from the server offset */
  | { type: 'UPLOAD.HANDOVER' }
  /** the upload's state as its driver reports it: another tab (a mirror), or a recording or test fixture
   * (`@mediabay/core/testing`). The driver's word is taken whole, whatever the state here. */
  | { type: 'UPLOAD.MIRROR'; item: UploadItem };

export type UploadEventType = UploadEvent['type'];
/** the events of the transition table: all but UPLOAD.MIRROR, which takes the driver's state whole */
export type TableEventType = Exclude<UploadEventType, 'UPLOAD.MIRROR'>;

export const UPLOAD_STATES: readonly UploadStatus[] = [
  'queued',
  'uploading',
  'paused',
  'processing',
  'ready',
  'error',
  'canceled',
];

export const UPLOAD_EVENT_TYPES: readonly TableEventType[] = [
  'UPLOAD.START',
  'UPLOAD.PROGRESS',
  'UPLOAD.PAUSE',
  'UPLOAD.RESUME',
  'UPLOAD.CANCEL',
  'UPLOAD.RETRY',
  'UPLOAD.SUCCESS',
  'PROCESSING.PROGRESS',
  'PROCESSING.DONE',
  'UPLOAD.ERROR',
  'UPLOAD.WAIT',
  'FILE.MISSING',
  'FILE.PROVIDED',
  'UPLOAD.HANDOVER',
];

/**
 * Reports of what happened elsewhere (the transport's bytes, the server's word). They may come late
 * (progress after a pause, a tus success after the socket said "ready"): ignoring one is expected, not
 * news. Any other ignored event is a command that made no sense in its state.
 */
export const REPORT_EVENTS: ReadonlySet<UploadEventType> = new Set<UploadEventType>([
  'UPLOAD.PROGRESS',
  'UPLOAD.SUCCESS',
  'PROCESSING.PROGRESS',
  'PROCESSING.DONE',
]);

/**
 * state -> event -> next state. Absent pairs are ignored. The server's word wins over the client's
 * view: it may finish (PROCESSING.*) before tus reports success, or right after a pause or an error.
 * `paused -> UPLOAD.RESUME -> queued`: a resumed upload waits for a free slot like any other.
 */
export const UPLOAD_TRANSITIONS: Readonly<
  Record<UploadStatus, Readonly<Partial<Record<TableEventType, UploadStatus>>>>
> = {
  queued: {
    'UPLOAD.START': 'uploading',
    'UPLOAD.PAUSE': 'paused',
    'UPLOAD.CANCEL': 'canceled',
    'UPLOAD.ERROR': 'error',
    'UPLOAD.WAIT': 'queued',
    'FILE.MISSING': 'paused',
    'UPLOAD.HANDOVER': 'queued',
  },
  uploading: {
    'UPLOAD.PROGRESS': 'uploading',
    'UPLOAD.PAUSE': 'paused',
    'UPLOAD.CANCEL': 'canceled',
    'UPLOAD.SUCCESS': 'processing',
    'PROCESSING.PROGRESS': 'processing',
    'PROCESSING.DONE': 'ready',
    'UPLOAD.ERROR': 'error',
    'UPLOAD.WAIT': 'uploading',
    'FILE.MISSING': 'paused',
    'UPLOAD.HANDOVER': 'queued',
  },
  paused: {
    // bytes the server acknowledged before the pause took effect are still real
    'UPLOAD.PROGRESS': 'paused',
    'UPLOAD.RESUME': 'queued',
    'UPLOAD.CANCEL': 'canceled',
    'UPLOAD.SUCCESS': 'processing',
    'PROCESSING.PROGRESS': 'processing',
    'PROCESSING.DONE': 'ready',
    'UPLOAD.ERROR': 'error',
    'FILE.MISSING': 'paused',
    // choosing the file again after a reload continues the upload
    'FILE.PROVIDED': 'queued',
  },
  processing: {
    // tus's onSuccess often arrives after the socket already said "complete"
    'UPLOAD.SUCCESS': 'processing',
    'PROCESSING.PROGRESS': 'processing',
    'PROCESSING.DONE': 'ready',
    'UPLOAD.CANCEL': 'canceled',
    'UPLOAD.ERROR': 'error',
  },
  ready: {
    // a repeated media-updated for a ready file is not news
    'PROCESSING.DONE': 'ready',
  },
  error: {
    'UPLOAD.RETRY': 'queued',
    'UPLOAD.CANCEL': 'canceled',
    'PROCESSING.DONE': 'ready',
    'FILE.MISSING': 'error',
    'FILE.PROVIDED': 'queued',
  },
  canceled: {},
};

/** whether `status` has a transition for `type`: which uploads a bulk action applies to */
export const accepts = (status: UploadStatus, type: TableEventType): boolean =>
  UPLOAD_TRANSITIONS[status][type] !== undefined;

export const FINAL_STATES: ReadonlySet<UploadStatus> = new Set(['ready', 'canceled']);

export interface TransitionResult {
  item: UploadItem;
  accepted: boolean;
  /** an ignored report that came late (REPORT_EVENTS): expected, not worth a warning */
  late?: boolean;
}

const clampPercent = (value: number): number =>
  Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : 0;

function withBytes(item: UploadItem, bytes: number): Pick<UploadItem, 'bytesUploaded' | 'progress'> {
  const reported = Number.isFinite(bytes) ? bytes : 0;
  const bytesUploaded = Math.max(item.bytesUploaded, Math.min(item.size, Math.max(0, reported)));
  const progress = item.size > 0 ? (bytesUploaded / item.size) * 100 : bytesUploaded >= item.size ? 100 : 0;
  return { bytesUploaded, progress: Math.max(item.progress, clampPercent(progress)) };
}

/** not moving: no speed, no estimate, not waiting for a retry */
function settled(item: UploadItem): UploadItem {
  return item.waiting
    ? { ...item, speed: 0, timeRemaining: null, waiting: undefined }
    : { ...item, speed: 0, timeRemaining: null };
}

/** Applies one event. Returns the same object (and accepted=false) when the state does not accept it. */
export function transition(item: UploadItem, event: UploadEvent): TransitionResult {
  if (event.type === 'UPLOAD.MIRROR') return mirrored(item, event.item);
  const status = UPLOAD_TRANSITIONS[item.status][event.type];
  if (status === undefined) return { item, accepted: false, late: REPORT_EVENTS.has(event.type) };
  const next = applyEvent(item, event);
  return { item: next.status === status ? next : { ...next, status }, accepted: true };
}

/** every byte on the server (the upload succeeded, or the server says it is processing or done) */
function allSent(item: UploadItem, fileId: string | undefined): UploadItem {
  return {
    ...settled(item),
    ...withBytes(item, item.size),
    progress: 100,
    timeRemaining: 0,
    fileId: fileId ?? item.fileId,
  };
}

/** the driver's item, for the same upload only; the same object when nothing changed */
function mirrored(item: UploadItem, reported: UploadItem): TransitionResult {
  if (reported.operationId !== item.operationId) return { item, accepted: false };
  return { item: reported, accepted: true };
}

function applyEvent(item: UploadItem, event: Exclude<UploadEvent, { type: 'UPLOAD.MIRROR' }>): UploadItem {
  switch (event.type) {
    case 'UPLOAD.START':
      return {
        ...item,
        error: undefined,
        waitingForFile: undefined,
        ...(item.waiting ? { waiting: undefined } : {}),
      };
    case 'UPLOAD.PROGRESS':
      return {
        ...item,
        ...withBytes(item, event.bytesUploaded),
        // bytes moving again end a wait
        ...(item.waiting && event.bytesUploaded > item.bytesUploaded ? { waiting: undefined } : {}),
        speed: item.status === 'paused' ? 0 : Math.max(0, event.speed ?? item.speed),
        timeRemaining:
          item.status === 'paused'
            ? null
            : event.timeRemaining === undefined
              ? item.timeRemaining
              : event.timeRemaining,
      };
    case 'UPLOAD.PAUSE':
    case 'UPLOAD.CANCEL':
      return settled(item);
    case 'UPLOAD.RESUME':
      return settled(item);
    case 'UPLOAD.RETRY':
      return { ...settled(item), error: undefined };
    case 'UPLOAD.SUCCESS':
      return {
        ...allSent(item, event.fileId),
        processing: item.processing ?? { stage: 'queued', progress: 0 },
      };
    case 'PROCESSING.PROGRESS':
      return {
        ...allSent(item, event.fileId),
        processing: {
          stage: event.stage,
          progress: Math.max(item.processing?.progress ?? 0, clampPercent(event.progress)),
        },
      };
    case 'PROCESSING.DONE':
      return {
        ...allSent(item, event.fileId),
        error: undefined,
        waitingForFile: undefined,
        processing: { stage: 'done', progress: 100 },
      };
    case 'UPLOAD.ERROR':
      return { ...settled(item), error: event.error };
    case 'UPLOAD.WAIT':
      return { ...item, speed: 0, timeRemaining: null, waiting: event.waiting };
    case 'FILE.MISSING':
      return { ...settled(item), waitingForFile: true };
    case 'FILE.PROVIDED':
    case 'UPLOAD.HANDOVER':
      return { ...settled(item), waitingForFile: undefined };
  }
}
