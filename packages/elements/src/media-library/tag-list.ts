// The library's tags with their counts (`library.tags()`, GET /tags) for the toolbar's tag filter:
// fetched when the host gets its client and again shortly after files are created, changed or
// deleted (one request for a burst of events).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MediaClient } from '@mediabay/core';
import { ClientEventsController } from '../shared/client-events.js';

const REFRESH_DELAY = 300;

export class TagListController implements ReactiveController {
  tags: readonly { name: string; count: number }[] = [];
  #host: ReactiveControllerHost;
  #getClient: () => MediaClient | undefined;
  #client: MediaClient | undefined;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost, getClient: () => MediaClient | undefined) {
    this.#host = host;
    this.#getClient = getClient;
    host.addController(this);
    const later = () => this.#schedule();
    new ClientEventsController(host, getClient, {
      'media-created': later,
      'media-updated': later,
      'media-deleted': later,
    });
  }

  hostUpdate(): void {
    const client = this.#getClient();
    if (client === this.#client) return;
    this.#client = client;
    this.tags = [];
    if (client) this.#schedule(0);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#client = undefined;
  }

  #schedule(delay = REFRESH_DELAY): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#load(), delay);
  }

  async #load(): Promise<void> {
    const client = this.#client;
    if (!client) return;
    try {
      const tags = await client.library.tags();
      if (client !== this.#client) return;
      this.tags = tags;
      this.#host.requestUpdate();
    } catch {
      // no tags to offer until the next change: the filter simply stays as it was
    }
  }
}
