// A ReactiveController that keeps a host listening to some of its client's events (`client.on`),
// and moves the listeners when the host's client changes or the host leaves the page.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ClientEventMap, MediaClient } from '@mediabay/core';

export type ClientEventHandlers = {
  [K in keyof ClientEventMap]?: (event: ClientEventMap[K]) => void;
};

export class ClientEventsController implements ReactiveController {
  #getClient: () => MediaClient | undefined;
  #handlers: ClientEventHandlers;
  #client: MediaClient | undefined;
  #off: (() => void)[] = [];
  #connected = false;

  constructor(
    host: ReactiveControllerHost,
    getClient: () => MediaClient | undefined,
    handlers: ClientEventHandlers,
  ) {
    this.#getClient = getClient;
    this.#handlers = handlers;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#follow(this.#getClient());
  }

  hostUpdate(): void {
    if (this.#connected) this.#follow(this.#getClient());
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#follow(undefined);
  }

  #follow(client: MediaClient | undefined): void {
    if (client === this.#client) return;
    for (const off of this.#off) off();
    this.#off = [];
    this.#client = client;
    if (!client) return;
    for (const type of Object.keys(this.#handlers) as (keyof ClientEventMap)[]) {
      const handler = this.#handlers[type] as ((event: ClientEventMap[typeof type]) => void) | undefined;
      if (handler) this.#off.push(client.on(type, handler));
    }
  }
}
