// Browser entry bundled by e2e/support/bundle-page.ts: an LMS page on another origin than the media
// server, embedding the built elements bundle. `?mode=bearer&token=…` hands <media-library> a client
// whose requests carry a bearer token (the socket then authenticates with a ticket); `?mode=cookie`
// uses only the element's attributes: `endpoint` and `credentials="include"`; any other mode only
// `endpoint` (an open server).
import { createMediaClient, type MediaClient } from '@mediabay/core';

declare global {
  interface Window {
    embed: { client: MediaClient; live: string[]; statuses: string[]; missing: number };
  }
}

const params = new URLSearchParams(location.search);
const api = params.get('api') ?? '';
const library = document.createElement('media-library') as HTMLElement & { client?: MediaClient };
if (params.get('mode') === 'bearer') {
  const token = params.get('token') ?? '';
  library.client = createMediaClient({
    endpoint: api,
    headers: () => ({ authorization: `Bearer ${token}` }),
  });
} else {
  library.setAttribute('endpoint', api);
  if (params.get('mode') === 'cookie') library.setAttribute('credentials', 'include');
  // any tus server for the bytes (`?tus=`), whatever answers at the endpoint
  const tus = params.get('tus');
  if (tus) library.setAttribute('upload-endpoint', tus);
}
document.body.append(library);

await customElements.whenDefined('media-library');
await (library as unknown as { updateComplete: Promise<unknown> }).updateComplete;
const client = library.client!;
const live: string[] = [];
client.$live.subscribe((state) => void live.push(state));
window.embed = { client, live, statuses: [], missing: 0 };
client.on('upload-status', ({ item }) => window.embed.statuses.push(`${item.name}:${item.status}`));
client.on('server-missing', () => (window.embed.missing += 1));
