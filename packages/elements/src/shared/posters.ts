// Posters for files still uploading, made in the browser: the picked image itself, or a frame of a
// video drawn on a canvas. Kept per operation ID in a small store the library renders from.
import type { Subscribable } from './store-controller.js';

const MAX_POSTERS = 200;
const POSTER_WIDTH = 320;

type Posters = ReadonlyMap<string, string>;

let current: Posters = new Map();
const listeners = new Set<(value: Posters) => void>();

/** operationId -> object URL; the library follows it through a StoreController */
export const posterStore: Subscribable<Posters> = {
  get: () => current,
  listen(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

function publish(operationId: string, url: string): void {
  const next = new Map(current);
  next.set(operationId, url);
  // Oldest first out: a long session must not keep every poster alive.
  for (const [id, old] of next) {
    if (next.size <= MAX_POSTERS) break;
    URL.revokeObjectURL(old);
    next.delete(id);
  }
  current = next;
  for (const listener of listeners) listener(current);
}

/** A JPEG object URL of a frame near the start of a video, or null when the browser cannot decode it. */
export async function videoFrame(file: Blob, atSeconds = 0.5, timeoutMs = 5000): Promise<string | null> {
  const source = URL.createObjectURL(file);
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  video.playsInline = true;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      video.addEventListener('loadeddata', () => {
        video.currentTime = Math.min(atSeconds, (video.duration || 1) / 2);
      });
      video.addEventListener('seeked', () => (clearTimeout(timer), resolve()), { once: true });
      video.addEventListener('error', () => (clearTimeout(timer), reject(new Error('decode'))), {
        once: true,
      });
      video.src = source;
    });
    const scale = Math.min(1, POSTER_WIDTH / (video.videoWidth || POSTER_WIDTH));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(video.videoWidth * scale));
    canvas.height = Math.max(1, Math.round(video.videoHeight * scale));
    canvas.getContext('2d')!.drawImage(video, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8));
    return blob ? URL.createObjectURL(blob) : null;
  } catch {
    return null;
  } finally {
    video.removeAttribute('src');
    video.load();
    URL.revokeObjectURL(source);
  }
}

/** Makes a poster for an upload that just started (images and videos; others keep their icon). */
export function makePoster(operationId: string, file: File): void {
  if (current.has(operationId)) return;
  if (file.type.startsWith('image/')) publish(operationId, URL.createObjectURL(file));
  else if (file.type.startsWith('video/'))
    void videoFrame(file).then((url) => {
      if (url) publish(operationId, url);
    });
}
