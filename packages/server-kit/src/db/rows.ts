// Row <-> record mapping. Numbers may come back as strings from PostgreSQL's bigint: Number() them.
import type { MediaStatus, MediaType, Usage } from '@mediabay/core/protocol';
import type { Selectable } from 'kysely';
import type { MediaRecord, StoredCaption, StoredRendition, UploadRecord } from './records.js';
import type { MediaTable, UploadTable } from './schema.js';

export type MediaRow = Selectable<MediaTable>;

export const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

export function toRecord(
  row: MediaRow,
  tags: string[],
  usages: Usage[],
  captions: StoredCaption[] = [],
): MediaRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    ownerId: row.owner_id,
    name: row.name,
    type: row.type as MediaType,
    mimeType: row.mime_type,
    size: Number(row.size),
    status: row.status as MediaStatus,
    error: row.error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    durationMs: num(row.duration_ms),
    width: num(row.width),
    height: num(row.height),
    thumbnailKey: row.thumbnail_key,
    renditions: row.renditions ? (JSON.parse(row.renditions) as StoredRendition[]) : [],
    captions,
    storageKey: row.storage_key,
    operationId: row.operation_id,
    tags,
    usages,
    trashedAt: row.trashed_at ?? null,
  };
}

export function toUpload(row: Selectable<UploadTable>): UploadRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    ownerId: row.owner_id,
    operationId: row.operation_id,
    name: row.name,
    mimeType: row.mime_type,
    size: num(row.size),
    offset: Number(row.offset),
    createdAt: row.created_at,
    mediaId: row.media_id,
    tusMetadata: row.metadata ? (JSON.parse(row.metadata) as Record<string, string | null>) : null,
  };
}
