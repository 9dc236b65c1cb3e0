// Turns a stored record into the wire's MediaFile: URLs derived and signed (signed-urls.ts: the same
// for every caller of the tenant within the hour), internals (tenant, keys) left out.
import type { MediaFile } from '@mediabay/core/protocol';
import type { MediaRecord } from '../db/database.js';
import { publicMessage } from './public-message.js';
import type { MediaUrls } from './signed-urls.js';

export function toMediaFile(record: MediaRecord, urls: MediaUrls): MediaFile {
  const url = (kind: string): string => urls.url(record.tenantId, record.id, kind, record.trashedAt);
  const contentUrl = url('content');
  const renditions = record.renditions.map((r) => ({
    kind: r.kind,
    mimeType: r.mimeType,
    ...(r.width !== null ? { width: r.width } : {}),
    ...(r.height !== null ? { height: r.height } : {}),
    size: r.size,
    url: url(`renditions/${r.kind}`),
  }));
  const file: MediaFile = {
    id: record.id,
    name: record.name,
    type: record.type,
    mimeType: record.mimeType,
    size: record.size,
    status: record.status,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ownerId: record.ownerId,
    tags: record.tags,
    contentUrl,
    // the web rendition when there is one, else the original
    playbackUrl: renditions.find((r) => r.kind === 'web')?.url ?? contentUrl,
    usages: record.usages,
    operationId: record.operationId,
  };
  if (record.durationMs !== null) file.durationMs = record.durationMs;
  if (record.width !== null) file.width = record.width;
  if (record.height !== null) file.height = record.height;
  if (record.thumbnailKey !== null) file.thumbnailUrl = url('thumbnail');
  if (record.error !== null) file.error = publicMessage(record.error);
  if (renditions.length > 0) file.renditions = renditions;
  if (record.trashedAt !== null) file.trashedAt = record.trashedAt;
  file.captions = record.captions.map((c) => ({
    lang: c.lang,
    ...(c.label !== null ? { label: c.label } : {}),
    url: url(`captions/${c.lang}`),
  }));
  return file;
}
