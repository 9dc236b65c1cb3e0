// Which clients found no Mediabay library API behind their endpoint (core's once-only
// `server-missing` event, on a plain tus server). Every element watches its client, so a library
// attached after the event still knows not to say "Live updates paused" for good.
import type { MediaClient } from '@mediabay/core';

const watched = new WeakSet<MediaClient>();
const missing = new WeakSet<MediaClient>();

export function watchServerMissing(client: MediaClient | undefined): void {
  if (!client || watched.has(client)) return;
  watched.add(client);
  client.on('server-missing', () => missing.add(client));
}

/** Whether `client` said that no library API answers at its endpoint. */
export function serverMissing(client: MediaClient | undefined): boolean {
  return !!client && missing.has(client);
}
