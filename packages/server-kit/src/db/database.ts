// The metadata store as the rest of the kit sees it. One implementation (kysely) serves SQLite now
// and PostgreSQL later; routes and processing never write SQL themselves.
import type { AuditEntry, Usage } from '@mediabay/core/protocol';
import type {
  MediaRecord,
  StoredCaption,
  NewMedia,
  MediaPatch,
  ListQuery,
  UploadRecord,
  OperationHolders,
  SocketTicketRecord,
  NewAuditEntry,
  AuditQuery,
  PendingTotals,
} from './records.js';
import type { ReplaceQueries } from './replace-queries.js';
import type { TrashQueries } from './trash-queries.js';

/** the records the store reads and writes (db/records.ts) */
export type * from './records.js';

export interface MediaDatabase extends TrashQueries, ReplaceQueries {
  /**
   * Runs `work` in one transaction: every write made through `tx` (audit entries included) lands
   * together or not at all. Inside, use only `tx`; a nested call joins the outer transaction.
   */
  transaction<T>(work: (tx: MediaDatabase) => Promise<T>): Promise<T>;
  /** Appends to the audit log; there is no update. */
  appendAudit(entry: NewAuditEntry): Promise<void>;
  /** Newest first, keyset paged. */
  listAudit(query: AuditQuery): Promise<{ items: AuditEntry[]; nextCursor: string | null }>;
  /** Retention: removes entries older than `before` (ISO); returns how many. */
  pruneAudit(before: string): Promise<number>;

  /**
   * Inserts a file, which claims its operation and records `upload.completed` with it (0011);
   * throws `OperationTaken` (db/upload-triggers.ts; nothing written) when another file holds the
   * operation. On PostgreSQL a transaction it ran in can then only be rolled back.
   */
  insertMedia(media: NewMedia): Promise<MediaRecord>;
  getMedia(tenantId: string, id: string): Promise<MediaRecord | undefined>;
  /** A tenant's files among `ids` (unknown ids left out), in no particular order. */
  getMediaMany(tenantId: string, ids: string[]): Promise<MediaRecord[]>;
  /** Any tenant's row: for processing, which runs outside a request. */
  getMediaById(id: string): Promise<MediaRecord | undefined>;
  /** As getMediaById, the row alone (tags, usages and captions left empty): one statement. */
  getMediaRowById(id: string): Promise<MediaRecord | undefined>;
  getMediaByOperation(tenantId: string, operationId: string): Promise<MediaRecord | undefined>;
  /**
   * The files that claimed any of `operationIds`, by operation id (unclaimed ones absent), as rows
   * alone (tags, usages and captions left empty): one statement, whatever the number of ids.
   */
  getMediaRowsByOperation(tenantId: string, operationIds: string[]): Promise<Map<string, MediaRecord>>;
  /**
   * Records `mediaId` as the one file of its operation; false (nothing written) if the operation
   * already has one. Concurrent claims of one operation: exactly one wins.
   */
  claimOperation(tenantId: string, operationId: string, mediaId: string): Promise<boolean>;
  listMedia(query: ListQuery): Promise<{ items: MediaRecord[]; nextCursor: string | null; total: number }>;
  /** Rows left in `processing` (by a crash or restart), oldest first. */
  listProcessing(): Promise<MediaRecord[]>;
  /** How many of a tenant's files are in `processing` (its backlog, for the fair share). */
  countProcessing(tenantId: string): Promise<number>;
  updateMedia(id: string, patch: MediaPatch): Promise<MediaRecord | undefined>;
  /** Replaces the tags of a file. */
  setTags(id: string, tags: string[]): Promise<void>;
  /** Deletes a tenant's files (tags and usages with them); returns the rows that were deleted. */
  deleteMedia(tenantId: string, ids: string[]): Promise<MediaRecord[]>;
  countMedia(tenantId: string): Promise<number>;
  listTags(tenantId: string): Promise<{ name: string; count: number }[]>;
  /** false when the file already had this usage */
  addUsage(id: string, usage: Usage): Promise<boolean>;
  removeUsage(id: string, usage: Usage): Promise<boolean>;
  /** Adds or replaces a file's caption track for `caption.lang`. */
  putCaption(mediaId: string, caption: StoredCaption): Promise<void>;
  /** Removes a caption track; returns it, or undefined if there was none. */
  deleteCaption(mediaId: string, lang: string): Promise<StoredCaption | undefined>;

  /**
   * Inserts an upload row, which records `upload.created` with it (0011). On PostgreSQL the statement
   * first takes the operation's lock (lockOperation), held until the transaction ends, so what the
   * transaction reads next sees every earlier creation under that operation.
   */
  insertUpload(upload: UploadRecord): Promise<void>;
  getUpload(id: string): Promise<UploadRecord | undefined>;
  /** The operation's newest upload row (in flight or finished), if any. */
  getUploadByOperation(tenantId: string, operationId: string): Promise<UploadRecord | undefined>;
  /** As getUploadByOperation for each of `operationIds`, by operation id (none: absent), in one statement. */
  getUploadsByOperation(tenantId: string, operationIds: string[]): Promise<Map<string, UploadRecord>>;
  /** Stores a socket ticket (by its hash) and removes those expired before `now` (ISO). */
  insertSocketTicket(ticket: SocketTicketRecord, now: string): Promise<void>;
  /** Removes the ticket and returns whom it was for; undefined if unknown, used, or expired at `now`. */
  takeSocketTicket(id: string, now: string): Promise<SocketTicketRecord | undefined>;
  /** The operation's file and upload rows, in one statement (what operation-claim.ts weighs). */
  listOperationHolders(tenantId: string, operationId: string): Promise<OperationHolders>;
  /** Every upload row of an operation (in flight or finished), oldest first. */
  listUploadsOfOperation(tenantId: string, operationId: string): Promise<UploadRecord[]>;
  /**
   * Inside a transaction: waits until no other transaction holds the operation, and holds it until
   * this one ends, so two checks of who may use an operation id cannot interleave.
   */
  lockOperation(tenantId: string, operationId: string): Promise<void>;
  setUploadOffset(id: string, offset: number): Promise<void>;
  /** An upload created with a deferred length learns it (tus creation-defer-length). */
  setUploadSize(id: string, size: number): Promise<void>;
  /**
   * Marks an upload finished as file `mediaId`, only if it was not already: false when another
   * request (or instance) finished it first. `offset`, when given, is recorded with it (the
   * upload's complete size), so finishing needs no offset write of its own.
   */
  setUploadMedia(id: string, mediaId: string, offset?: number): Promise<boolean>;
  /** Unfinished uploads created before `before` (ISO). */
  listStaleUploads(before: string): Promise<UploadRecord[]>;
  /** False when there was no such row (another sweep, cancel or instance removed it first). */
  deleteUpload(id: string): Promise<boolean>;
  /** The tus upload whose bytes a file was made from, if any. */
  deleteUploadsOfMedia(mediaId: string): Promise<void>;
  /**
   * What a creating upload is checked against, in one statement: the operation's holders (as
   * listOperationHolders) and the unfinished uploads of the tenant and of the user (how many, and
   * their declared bytes).
   */
  creationState(
    tenantId: string,
    ownerId: string,
    operationId: string,
  ): Promise<{ holders: OperationHolders; pending: PendingTotals }>;
  /** The storage keys of files (trashed ones included) that start with `prefix`. */
  mediaStorageKeys(prefix: string): Promise<string[]>;
  /** The stored secret called `name`; stores `candidate` first when there is none yet (0010). */
  sharedSecret(name: string, candidate: string): Promise<string>;
  /** The tenant of file `id` (any tenant, trashed files included); undefined when there is none. */
  mediaTenant(id: string): Promise<string | undefined>;

  close(): Promise<void>;
}
