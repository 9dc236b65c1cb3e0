// Table shapes as kysely sees them. Column types stay portable (text, integer) so PostgreSQL can follow.
import type { ColumnType, Generated } from 'kysely';

export interface MediaTable {
  id: string;
  tenant_id: string;
  owner_id: string;
  name: string;
  /** lower-cased name, the key of name sorting and search */
  name_key: string;
  type: string;
  mime_type: string;
  size: number;
  status: string;
  error: string | null;
  created_at: string;
  updated_at: string;
  duration_ms: number | null;
  width: number | null;
  height: number | null;
  thumbnail_key: string | null;
  /** JSON array of StoredRendition, null for none (0007) */
  renditions: Generated<string | null>;
  storage_key: string;
  operation_id: string;
  /** insertion order, the tiebreaker that keeps cursor paging stable */
  seq: Generated<number>;
  /** the instance running this file's processing job, and its lease's end (ms since epoch) */
  claim_owner: Generated<string | null>;
  claim_until: Generated<number | string | null>;
  /** ISO time the file was moved to the trash; null while in the library (0009) */
  trashed_at: Generated<string | null>;
}

export interface MediaTagTable {
  media_id: string;
  tag: string;
}

export interface MediaUsageTable {
  media_id: string;
  course_id: string;
  /** '' when the usage is the whole course (keeps the primary key simple) */
  lesson_id: string;
}

/** A tus upload in flight: who owns it and how far it got (what the polling fallback reads). */
export interface UploadTable {
  id: string;
  tenant_id: string;
  owner_id: string;
  operation_id: string;
  name: string;
  mime_type: string;
  size: number | null;
  offset: number;
  created_at: string;
  /** set when the bytes were complete and the library row made, so a repeated finish is a no-op */
  media_id: string | null;
  /** the tus Upload-Metadata as JSON (0014); null in rows made before */
  metadata: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The append-only audit log; `detail` is JSON text (portable, small). */
export interface AuditTable {
  seq: Generated<number | string>;
  at: string;
  tenant_id: string;
  user_id: string;
  action: string;
  file_id: string | null;
  operation_id: string | null;
  detail: string | null;
}

/** Which file an operation made: at most one per operation (its primary key). */
export interface MediaOperationTable {
  tenant_id: string;
  operation_id: string;
  media_id: string;
}

/** Single-use socket tickets (0006): stored by the SHA-256 of the ticket, never the ticket itself. */
export interface SocketTicketTable {
  id: string;
  tenant_id: string;
  user_id: string;
  /** JSON array of role names */
  roles: string;
  /** ISO */
  expires_at: string;
}

/** Secrets every instance of one database shares (0010): `url-signing` signs media URLs. */
export interface ServerSecretTable {
  name: string;
  value: string;
  /** ISO */
  created_at: string;
}

/** A file's caption track per language (0007). */
export interface MediaCaptionTable {
  media_id: string;
  lang: string;
  label: string | null;
  storage_key: string;
  updated_at: string;
}

export interface Schema {
  media: MediaTable;
  media_tags: MediaTagTable;
  media_usages: MediaUsageTable;
  media_operations: MediaOperationTable;
  media_captions: MediaCaptionTable;
  uploads: UploadTable;
  audit_log: AuditTable;
  socket_tickets: SocketTicketTable;
  server_secrets: ServerSecretTable;
}
