// Public surface of @mediabay/core (DESIGN.md "Public API").
export { createMediaClient, DEFAULT_VIEW } from './client.js';
export { NATURAL_ORDER, sortBy, sortedView } from './view-sort.js';
export type { AuditParams } from './library-audit.js';
export { createOperationId } from './operation-id.js';
export {
  transition,
  accepts,
  UPLOAD_TRANSITIONS,
  UPLOAD_STATES,
  UPLOAD_EVENT_TYPES,
  FINAL_STATES,
} from './upload-machine.js';
export type { UploadEvent, UploadEventType, TransitionResult } from './upload-machine.js';
export { createQueue } from './queue.js';
export type { UploadQueue } from './queue.js';
export { initialEta, sampleEta, pauseEta, timeLeft } from './eta.js';
export type { EtaState, EtaOptions } from './eta.js';
export { computeBatch } from './batch.js';
export { UPLOAD_ERROR_CODES, UPLOAD_ERROR_MESSAGES, isUploadErrorCode } from './upload-errors.js';
export type { UploadErrorCode } from './upload-errors.js';
export { backoffDelay, withJitter } from './backoff.js';
export { matchesAccept, validateFiles, runValidators, fileKey, formatBytes } from './validation.js';
export type { RejectionCode, ValidationResult } from './validation.js';
export {
  createSelection,
  toggleId,
  rangeIds,
  rectFromPoints,
  intersects,
  hitTest,
  pruneSelection,
  followList,
} from './selection.js';
export type { Rect, SelectionStore } from './selection.js';
export { createSocket, eventsUrl, parseServerEvent } from './socket.js';
export type { LiveSocket, SocketOptions, WebSocketConstructor } from './socket.js';
export { MEDIA_FILES_KEY } from './library.js';
export { matchesParams, compareFiles } from './library-cache.js';
export { MediaApiError } from './http.js';
export type { ErrorDetails } from './http.js';
export { createMeStore, permits, mayDelete, mayTag, mayRename } from './me.js';
export type { MeState, MeStore } from './me.js';
export { acceptingOf } from './accepting.js';
export type { Accepting, NotAcceptingReason } from './accepting.js';
export { preloadTus, tusTransport } from './transports/tus.js';
export { formTransport } from './transports/form.js';
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
