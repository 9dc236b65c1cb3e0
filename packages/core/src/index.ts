// Public surface of @mediabay/core (DESIGN.md "Public API"). What the client's engine uses and the
// first paint does not (queue, socket, transports, upload error codes, backoff, list order) is
// `@mediabay/core/engine` (engine-api.ts): naming it here would put it in a code-split first load.
export { createMediaClient, DEFAULT_VIEW } from './client.js';
export { NATURAL_ORDER, sortedView } from './library/view-sort.js';
export type { AuditParams } from './library/library-audit.js';
export { createOperationId } from './uploads/operation-id.js';
export {
  transition,
  accepts,
  UPLOAD_TRANSITIONS,
  UPLOAD_STATES,
  UPLOAD_EVENT_TYPES,
  FINAL_STATES,
} from './uploads/upload-machine.js';
export type { UploadEvent, UploadEventType, TransitionResult } from './uploads/upload-machine.js';
export { initialEta, sampleEta, pauseEta, timeLeft } from './uploads/eta.js';
export type { EtaState, EtaOptions } from './uploads/eta.js';
export { computeBatch } from './uploads/batch.js';
export { PROGRESS_WRITE_MS } from './uploads/progress-pace.js';
export type { UploadErrorCode } from './uploads/upload-errors.js';
export { matchesAccept, validateFiles, runValidators, fileKey } from './uploads/validation.js';
export { formatBytes } from './uploads/format-bytes.js';
export type { RejectionCode, ValidationResult } from './uploads/validation.js';
export {
  createSelection,
  toggleId,
  rangeIds,
  rectFromPoints,
  intersects,
  hitTest,
  pruneSelection,
  followList,
} from './library/selection.js';
export type { Rect, SelectionStore } from './library/selection.js';
export { MEDIA_FILES_KEY } from './library/list-key.js';
export { MediaApiError } from './http.js';
export type { ErrorDetails } from './http.js';
export { createMeStore, permits, mayDelete, mayTag, mayRename } from './me.js';
export type { MeState, MeStore } from './me.js';
export { acceptingOf } from './uploads/accepting.js';
export { preloadTus } from './transports/tus-loader.js';
export type {
  Transport,
  TransportCallbacks,
  TransportError,
  TransportStartOptions,
  TransportUpload,
} from './transports/transport.js';
export type {
  UploadStatus,
  UploadError,
  UploadItem,
  BatchState,
  LiveState,
  UploadWaiting,
  WaitingReason,
  Rejection,
  Restrictions,
  Accepting,
  NotAcceptingReason,
  MediaClientOptions,
  ViewState,
  LibraryState,
  LibraryApi,
  SelectionApi,
  ClientEventMap,
  MediaClient,
} from './types.js';
export type {
  MediaFile,
  MediaType,
  MediaStatus,
  ServerEvent,
  ServerEventType,
  ListParams,
  ListResponse,
  SortKey,
  SortOrder,
  Usage,
  OperationStatus,
  ErrorBody,
  FileInUse,
  Me,
  Permissions,
  MediaAction,
  BulkTagRequest,
  BulkTagResponse,
  AuditAction,
  AuditEntry,
  AuditPage,
} from './protocol.js';
