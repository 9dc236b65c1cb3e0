// A <media-library> showing only `count` files seeded for one test (a search for their fresh prefix),
// for tests that work on real server files.
import { fixture, html } from '@open-wc/testing';
import type { MediaClient } from '@mediabay/core';
import type { MediaLibrary } from '../media-library/media-library.component.js';
import '../media-library/media-library.js';
import { seedLibrary, uniquePrefix } from './fixtures.js';

export async function seededLibrary(
  client: MediaClient,
  name: string,
  count: number,
): Promise<{ el: MediaLibrary; prefix: string }> {
  const prefix = uniquePrefix(name);
  await seedLibrary(client, prefix, count);
  client.setView({ q: prefix });
  const el = await fixture<MediaLibrary>(
    html`<media-library .client=${client} style="height:600px"></media-library>`,
  );
  return { el, prefix };
}
