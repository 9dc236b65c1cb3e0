// Wire types shared by @mediabay/core and @mediabay/server-kit (DESIGN.md "Wire contract").
// Types plus a few tiny pure helpers; no DOM or Node code, so both sides can import it.

/** Every kind of media, in the order a type filter lists them. */
export const MEDIA_TYPES = ['video', 'image', 'audio', 'document', 'other'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];
export type MediaStatus = 'processing' | 'ready' | 'error';

export interface Usage {
  courseId: string;
  lessonId?: string;
}

export interface MediaFile {
  id: string;
  name: string;
  type: MediaType;
  mimeType: string;
  /** bytes */
  size: number;
  status: MediaStatus;
  /** ISO 8601 */
  createdAt: string;
  /** ISO 8601 */
  updatedAt: string;
  ownerId: string;
  tags: string[];
  durationMs?: number;
  width?: number;
  height?: number;
  thumbnailUrl?: string;
  contentUrl: string;
  usages: Usage[];
  operationId: string;
  error?: string;
  /**
   * What a player should load: the web rendition when the upload does not play in browsers as it is,
   * else the original (contentUrl). Always sent by the server (optional here for older servers).
   */
  playbackUrl?: string;
  /** Files made from the original (the original is always kept). */
  renditions?: Rendition[];
  /** Caption tracks (WebVTT), one per language. Always sent by the server (optional for older ones). */
  captions?: CaptionTrack[];
  /** ISO 8601: when the file was moved to the trash; absent while it is in the library. */
  trashedAt?: string;
}

/** `web`: H.264/AAC MP4 with faststart (video) or AAC M4A (audio) that every browser plays. */
export interface Rendition {
  kind: 'web';
  mimeType: string;
  width?: number;
  height?: number;
  /** bytes */
  size: number;
  url: string;
}

export interface CaptionTrack {
  /** BCP 47 language tag (`en`, `fr-CA`) */
  lang: string;
  label?: string;
  /** WebVTT (`text/vtt`) */
  url: string;
}

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    /** `forbidden` on a bulk operation: the ids the caller may not act on (nothing was changed). */
    fileIds?: string[];
    /** `file-in-use`: every usage of the refused files, and the files with their usages. */
    usages?: Usage[];
    files?: FileInUse[];
  };
}

/** One file a delete was refused for (409 `file-in-use`), with where it is used. */
export interface FileInUse {
  fileId: string;
  name: string;
  usages: Usage[];
}

/** What a list sorts by (`sort=`), in the order a sort menu lists them. */
export const SORT_KEYS = ['createdAt', 'name', 'size', 'type'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = 'asc' | 'desc';

export interface ListParams {
  q?: string;
  type?: MediaType;
  tag?: string;
  courseId?: string;
  /** true: list the trash instead of the library */
  trashed?: boolean;
  sort?: SortKey;
  order?: SortOrder;
  limit?: number;
  cursor?: string;
}

/** `POST /bulk-restore`'s answer. */
export interface BulkRestoreResponse {
  restoredCount: number;
}

export interface ListResponse {
  items: MediaFile[];
  nextCursor: string | null;
  total: number;
}

export interface OperationStatus {
  operationId: string;
  status: 'uploading' | 'processing' | 'ready' | 'error';
  /** 0-100 */
  progress: number;
  fileId?: string;
  error?: string;
}

export interface UploadProgressData {
  /** 0-100 */
  progress: number;
  bytesReceived: number;
  bytesTotal: number;
  /** seconds */
  timeRemaining?: number;
}

export interface MediaUploadProgressEvent {
  type: 'media-upload-progress';
  operationId: string;
  data: UploadProgressData;
}
export interface MediaUploadCompleteEvent {
  type: 'media-upload-complete';
  operationId: string;
  fileId: string;
  success: boolean;
}
export interface MediaProcessingProgressEvent {
  type: 'media-processing-progress';
  operationId: string;
  fileId: string;
  /**
   * `stage`: queued, probing, thumbnail, transcoding, done. While transcoding, `timeRemaining` is the
   * estimated seconds to go (absent until it can be estimated).
   */
  data: { progress: number; stage: string; timeRemaining?: number };
}
export interface MediaCreatedEvent {
  type: 'media-created';
  file: MediaFile;
}
export interface MediaUpdatedEvent {
  type: 'media-updated';
  file: MediaFile;
}
export interface MediaDeletedEvent {
  type: 'media-deleted';
  fileIds: string[];
  /** true: moved to the trash (they leave the library, the trash has them); absent: gone for good */
  trashed?: boolean;
}
export interface MediaUploadErrorEvent {
  type: 'media-upload-error';
  operationId: string;
  error: { code: string; message: string };
}

export type ServerEvent =
  | MediaUploadProgressEvent
  | MediaUploadCompleteEvent
  | MediaProcessingProgressEvent
  | MediaCreatedEvent
  | MediaUpdatedEvent
  | MediaDeletedEvent
  | MediaUploadErrorEvent;

export type ServerEventType = ServerEvent['type'];

/** Every event type the live channel carries (the client listens to all of them). */
export const SERVER_EVENT_TYPES: readonly ServerEventType[] = [
  'media-upload-progress',
  'media-upload-complete',
  'media-processing-progress',
  'media-created',
  'media-updated',
  'media-deleted',
  'media-upload-error',
];

/** Lifecycle events are never dropped; progress events may be coalesced (latest wins). */
export const COALESCIBLE_EVENTS: ReadonlySet<ServerEventType> = new Set([
  'media-upload-progress',
  'media-processing-progress',
]);

/**
 * What a client may send on the live channel: "the progress of this upload is not wanted on this
 * socket" (its own request reports it), for the rest of the connection or until the upload's next
 * lifecycle event. Anything else a client sends is ignored.
 */
export interface MuteProgressMessage {
  type: 'mute-progress';
  /** 1-128 of `[A-Za-z0-9._:-]` (CLIENT_OPERATION_ID_PATTERN) */
  operationId: string;
}

/** `media_upload_<Date.now()>_<15 base36 chars>` */
export const OPERATION_ID_PATTERN = /^media_upload_\d{13,}_[0-9a-z]{15}$/;

export function isOperationId(value: unknown): value is string {
  return typeof value === 'string' && OPERATION_ID_PATTERN.test(value);
}

/** Keys of the tus `Upload-Metadata` header the client sends. */
export const TUS_METADATA = {
  filename: 'filename',
  filetype: 'filetype',
  operationId: 'operationId',
  /** the id of a library file whose bytes this upload replaces (same id, tags and usages) */
  replaceFileId: 'replaceFileId',
  /** with replaceFileId: 'true' gives the file the upload's filename (by default it keeps its name) */
  replaceName: 'replaceName',
} as const;

/** The header of the tus response that completes an upload: the id of the library file it made. */
export const FILE_ID_HEADER = 'Mediabay-File-Id';

/**
 * The header of every tus answer about an upload (and of the creating POST): the upload's operation
 * id, the one the client sent or, when it sent none, the one the server minted.
 */
export const OPERATION_ID_HEADER = 'Mediabay-Operation-Id';

/** Operation ids a client may choose (UUIDs, ULIDs, our own format): 1-128 of `[A-Za-z0-9._:-]`. */
export const CLIENT_OPERATION_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** The answer of `POST {endpoint}/events/ticket`: a single-use socket ticket, valid `expiresIn` s. */
export interface SocketTicketResponse {
  ticket: string;
  expiresIn: number;
}

/** The query parameter of the socket URL that carries a ticket: `{endpoint}/events?ticket=…`. */
export const SOCKET_TICKET_PARAM = 'ticket';

/** Maps a MIME type to the library's coarse media type. */
export function mediaTypeOf(mimeType: string): MediaType {
  const major = mimeType.split('/', 1)[0];
  if (major === 'video' || major === 'image' || major === 'audio') return major;
  if (
    mimeType === 'application/pdf' ||
    mimeType.startsWith('text/') ||
    mimeType.includes('document') ||
    mimeType.includes('msword') ||
    mimeType.includes('presentation') ||
    mimeType.includes('spreadsheet')
  ) {
    return 'document';
  }
  return 'other';
}

/** What `authorize(user, action, file)` is asked about. */
export type MediaAction =
  | 'read'
  | 'upload'
  | 'rename'
  | 'tag'
  | 'delete'
  | 'force-delete'
  | 'manage-usages'
  | 'audit'
  /** upload new bytes for an existing file (`replaceFileId`) */
  | 'replace';

/** What the caller may do; `...Any` is about other users' files, the plain name about their own. */
export interface Permissions {
  read: boolean;
  upload: boolean;
  rename: boolean;
  renameAny: boolean;
  tag: boolean;
  tagAny: boolean;
  delete: boolean;
  deleteAny: boolean;
  /** delete files that are in use (`force: true`) */
  forceDelete: boolean;
  manageUsages: boolean;
  audit: boolean;
}

/** `GET /api/media/me` */
export interface Me {
  userId: string;
  tenantId: string;
  roles: string[];
  can: Permissions;
}

/** `POST /api/media/bulk-tag` */
export interface BulkTagRequest {
  fileIds: string[];
  add?: string[];
  remove?: string[];
}
export interface BulkTagResponse {
  success: true;
  /** files whose tags changed */
  updatedCount: number;
  files: MediaFile[];
}

/** Every action the audit log records (what `GET /audit?action=` filters by, what Activity labels). */
export const AUDIT_ACTIONS = [
  'upload.created',
  'upload.completed',
  'upload.failed',
  'upload.canceled',
  'file.updated',
  'file.tagged',
  'file.deleted',
  'file.trashed',
  'file.restored',
  'file.replaced',
  'usage.added',
  'usage.removed',
  'access.denied',
  'socket.refused',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One entry of the append-only audit log (`GET /api/media/audit`, admins only). */
export interface AuditEntry {
  id: string;
  /** ISO 8601 */
  at: string;
  tenantId: string;
  userId: string;
  action: AuditAction;
  fileId: string | null;
  operationId: string | null;
  detail: Record<string, unknown> | null;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}
