// Recorded data for the stories: MediaFile records as `GET /api/media` answered them and UploadItems
// as `$uploads` held them, made deterministically so every story (and its test) looks the same.
import type { UploadItem, UploadStatus } from '@mediabay/core';
import type { MediaFile, MediaType } from '@mediabay/core/protocol';

const NAMES: Record<MediaType, string[]> = {
  video: ['lecture-intro', 'lab-walkthrough', 'interview-raw', 'drone-footage', 'keynote'],
  image: ['campus-aerial', 'diagram-cells', 'cover-art', 'whiteboard', 'team-photo'],
  audio: ['podcast-ep', 'voiceover', 'ambient-loop'],
  document: ['syllabus', 'reading-list', 'assignment-brief'],
  other: ['dataset', 'archive'],
};
const EXT: Record<MediaType, [string, string]> = {
  video: ['mp4', 'video/mp4'],
  image: ['jpg', 'image/jpeg'],
  audio: ['mp3', 'audio/mpeg'],
  document: ['pdf', 'application/pdf'],
  other: ['zip', 'application/zip'],
};
const TYPES: MediaType[] = ['video', 'image', 'image', 'video', 'audio', 'document', 'image', 'other'];
const HUES = [210, 150, 30, 280, 340, 190, 60, 0];
const BASE_TIME = Date.UTC(2026, 10, 20, 9, 30);

/** A small SVG poster as a data URL: a gradient, so grids look like real thumbnails without a server. */
export function poster(index: number, width = 320, height = 180): string {
  const hue = HUES[index % HUES.length]!;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">` +
    `<stop offset="0" stop-color="hsl(${hue} 70% 62%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360} 65% 38%)"/>` +
    `</linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>` +
    `<circle cx="${width * 0.72}" cy="${height * 0.3}" r="${height * 0.16}" fill="hsl(${hue} 90% 90% / .7)"/>` +
    `<path d="M0 ${height} L${width * 0.35} ${height * 0.45} L${width * 0.6} ${height * 0.8} L${width} ${height * 0.5} L${width} ${height}Z" fill="hsl(${hue} 40% 20% / .45)"/></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

export function mediaFile(index: number, overrides: Partial<MediaFile> = {}): MediaFile {
  const type = TYPES[index % TYPES.length]!;
  const names = NAMES[type];
  const [ext, mimeType] = EXT[type];
  const created = new Date(BASE_TIME - index * 37 * 60_000).toISOString();
  const visual = type === 'image' || type === 'video';
  const id = `file_${String(index).padStart(6, '0')}`;
  return {
    id,
    name: `${names[index % names.length]}-${index + 1}.${ext}`,
    type,
    mimeType,
    size: Math.round(
      ((index * 7919) % 900) * 1024 * (type === 'video' ? 240 : type === 'image' ? 4 : 1) + 20_480,
    ),
    status: 'ready',
    createdAt: created,
    updatedAt: created,
    ownerId: 'demo',
    tags: index % 3 === 0 ? ['course'] : index % 5 === 0 ? ['marketing', 'draft'] : [],
    ...(type === 'video' || type === 'audio' ? { durationMs: 30_000 + ((index * 4513) % 3_600_000) } : {}),
    ...(visual ? { width: 1920, height: 1080, thumbnailUrl: poster(index) } : {}),
    contentUrl: type === 'image' ? poster(index, 1280, 720) : '',
    usages: index % 4 === 1 ? [{ courseId: 'photo-101', lessonId: `lesson-${(index % 3) + 1}` }] : [],
    operationId: `media_upload_${BASE_TIME - index}_${String(index).padStart(15, '0')}`,
    ...overrides,
  };
}

export function mediaFiles(count: number): MediaFile[] {
  return Array.from({ length: count }, (_, index) => mediaFile(index));
}

const MB = 1024 * 1024;

/** One upload as `$uploads` held it at the moment of the recording. */
export function upload(index: number, status: UploadStatus, overrides: Partial<UploadItem> = {}): UploadItem {
  const file = mediaFile(index);
  const size = file.type === 'video' ? (120 + index * 37) * MB : (2 + index) * MB;
  const progress = {
    queued: 0,
    uploading: 15 + ((index * 23) % 80),
    paused: 42,
    processing: 100,
    ready: 100,
    error: 63,
    canceled: 0,
  }[status];
  const bytesUploaded = Math.round((size * progress) / 100);
  return {
    operationId: `media_upload_1763631000000_${String(index).padStart(15, 'a')}`,
    name: file.name,
    size,
    mimeType: file.mimeType,
    type: file.type,
    status,
    progress,
    bytesUploaded,
    timeRemaining: status === 'uploading' ? Math.round((size - bytesUploaded) / (18 * MB)) + 1 : null,
    speed: status === 'uploading' ? 18 * MB : 0,
    addedAt: BASE_TIME + index * 1000,
    ...(status === 'processing' ? { processing: { stage: 'thumbnail', progress: 50 } } : {}),
    ...(status === 'error'
      ? { error: { code: 'network', message: 'The connection dropped. Retry to resume.', retryable: true } }
      : {}),
    ...(status === 'ready' ? { fileId: file.id } : {}),
    ...overrides,
  };
}

/** The library's entry for an upload still in flight, as the cache holds it (id = operationId). */
export { optimisticFile as inFlight } from '@mediabay/core/testing';
