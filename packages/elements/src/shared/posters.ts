// Posters for files still uploading, made in the browser: the picked image itself, or a frame of a
// video drawn on a canvas (video-frame.ts, loaded with the first video). Kept per operation ID in a
// small store the library renders from.
import type { Subscribable } from './store-controller.js';

const MAX_POSTERS = 200;

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

/** Makes a poster for an upload that just started (images and videos; others keep their icon). */
export function makePoster(operationId: string, file: File): void {
  if (current.has(operationId)) return;
  if (file.type.startsWith('image/')) publish(operationId, URL.createObjectURL(file));
  // the frame grabber loads with the first video (it would only weigh on a first load without one)
  else if (file.type.startsWith('video/'))
    void import('./video-frame.js')
      .then(({ videoFrame }) => videoFrame(file))
      .then((url) => {
        if (url) publish(operationId, url);
      })
      .catch(() => {}); // offline before it came: the type icon stays
}
