// The records the metadata store reads and writes, apart from the store's interface (database.ts),
// so the query modules that make up that interface can name them without importing it.
import type { AuditAction, MediaStatus, MediaType, SortKey, SortOrder, Usage } from '@mediabay/core/protocol';

export interface MediaRecord {
  id: string;
  tenantId: string;
  ownerId: string;
  name: string;
  type: MediaType;
  mimeType: string;
  size: number;
  status: MediaStatus;
  error: string | null;
  createdAt: string;
  updatedAt: string;
  durationMs: number | null;
  width: number | null;
  height: number | null;
  thumbnailKey: string | null;
  /** files made from the original for browsers; the original stays at storageKey */
  renditions: StoredRendition[];
  /** caption tracks, one per language, ordered by language */
  captions: StoredCaption[];
  storageKey: string;
  operationId: string;
  tags: string[];
  usages: Usage[];
  /** ISO time it was moved to the trash; null while in the library */
  trashedAt: string | null;
}

/** A rendition as stored: its bytes at `key`. */
export interface StoredRendition {
  kind: 'web';
  key: string;
  mimeType: string;
  width: number | null;
  height: number | null;
  size: number;
}

/** A caption track as stored: WebVTT bytes at `key`. */
export interface StoredCaption {
  /** canonical BCP 47 tag */
  lang: string;
  label: string | null;
  key: string;
  /** ISO */
  updatedAt: string;
}

/** What processing learns about a file: none of it is known when the file is inserted. */
type ProcessingFields = 'error' | 'durationMs' | 'width' | 'height' | 'thumbnailKey' | 'renditions';

export type NewMedia = Omit<MediaRecord, 'tags' | 'usages' | 'trashedAt' | 'captions' | ProcessingFields>;

export type MediaPatch = Partial<
  Pick<MediaRecord, 'name' | 'type' | 'mimeType' | 'status' | ProcessingFields>
>;

export interface ListQuery {
  tenantId: string;
  q?: string;
  type?: MediaType;
  tag?: string;
  courseId?: string;
  /** true: only files in the trash; otherwise only files in the library */
  trashed?: boolean;
  sort: SortKey;
  order: SortOrder;
  limit: number;
  cursor?: string;
}

export interface UploadRecord {
  id: string;
  tenantId: string;
  ownerId: string;
  operationId: string;
  name: string;
  mimeType: string;
  size: number | null;
  offset: number;
  createdAt: string;
  mediaId: string | null;
  /**
   * The tus Upload-Metadata it was created with (what HEAD answers; the replace keys). Null for a row
   * made before migration 0014 (its store's own info file holds it); left out, none is stored.
   */
  tusMetadata?: Record<string, string | null> | null;
}

/** Who holds an operation id: its file, if it has one, and the upload rows made under it. */
export interface OperationHolders {
  file?: { id: string; ownerId: string; name: string; size: number };
  /** `mediaId`: the file the upload became, null while it is in flight */
  uploads: { ownerId: string; name: string; size: number | null; mediaId: string | null }[];
}

/** A socket ticket as stored: `id` is the SHA-256 (hex) of the ticket the caller holds. */
export interface SocketTicketRecord {
  id: string;
  tenantId: string;
  userId: string;
  roles: string[];
  /** ISO */
  expiresAt: string;
}

/** An audit entry to append; `at` defaults to now. */
export interface NewAuditEntry {
  tenantId: string;
  userId: string;
  action: AuditAction;
  fileId?: string | null;
  operationId?: string | null;
  detail?: Record<string, unknown> | null;
  at?: string;
}

export interface AuditQuery {
  tenantId: string;
  fileId?: string;
  userId?: string;
  action?: AuditAction;
  /** ISO, inclusive */
  since?: string;
  /** ISO, exclusive */
  until?: string;
  limit: number;
  cursor?: string;
}

/** Unfinished uploads counted for quotas: `bytes` sums the declared lengths (deferred ones count 0). */
export interface PendingTotals {
  tenant: { count: number; bytes: number };
  user: { count: number; bytes: number };
}
