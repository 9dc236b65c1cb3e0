// Base class of the three elements: resolves the MediaClient (a shared `client` property, or one made
// from `endpoint`), the theme, the strings, and a typed `emit` for bubbling, composed events.
import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { createMediaClient, preloadTus, type MediaClient } from '@mediabay/core';
import { LocalizeController } from '../i18n/localize.js';
import type { MediabayStrings } from '../i18n/en.js';
import { emit, type MediabayEventMap } from './events.js';
import { prefetchOnIdle } from './idle-prefetch.js';
import { LazyParts } from './lazy-part.js';
import { watchServerMissing } from './server-missing.js';

export class MediabayElement extends LitElement {
  /** REST base of the media API. Used only when no `client` is given: the element then owns a client. */
  @property({ reflect: true }) endpoint?: string;

  /** The tus creation URL when it is not `${endpoint}/uploads` (any tus server). With `endpoint`, like it. */
  @property({ attribute: 'upload-endpoint', reflect: true }) uploadEndpoint?: string;

  /** `include` sends cookies to an `endpoint` on another origin. With `endpoint`, like it. */
  @property({ reflect: true }) credentials?: 'same-origin' | 'include';

  /**
   * The client to render and drive. Set it to share one client between several elements; when the
   * element made its own from `endpoint`, this returns that one.
   */
  @property({ attribute: false }) client?: MediaClient;

  /** `light` (default), `dark`, or `auto` (follows `prefers-color-scheme`). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';

  /** Replaces some or all strings of the current locale, for this element only. */
  @property({ attribute: false }) strings?: Partial<MediabayStrings>;

  protected readonly localize = new LocalizeController(this);
  /** the modules of parts the first paint does not need (shared/lazy-part.ts) */
  protected readonly lazy = new LazyParts(this);

  #own?: MediaClient;
  /** the endpoint, upload endpoint and credentials the own client was made with */
  #ownKey?: string;
  #pendingDestroy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#pendingDestroy = false;
    prefetchOnIdle(preloadTus);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A DOM move is a disconnect followed by a connect in the same task: keep uploads alive then.
    this.#pendingDestroy = true;
    queueMicrotask(() => {
      if (this.#pendingDestroy && !this.isConnected) this.#dropOwnClient();
    });
  }

  /** A page in a shipped language (`lang="fr"`) renders once its strings have loaded, not first in English. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = this.localize.pending;
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** Also waits for the lazy parts a call or a render asked for (the preview, the panel, ...) and their render. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.lazy.busy) {
      await this.lazy.settled();
      done = await super.getUpdateComplete();
    }
    return done;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#resolveClient();
    watchServerMissing(this.client);
  }

  #resolveClient(): void {
    if (this.client && this.client !== this.#own) {
      this.#dropOwnClient(); // a client was handed in: it wins over `endpoint`
      return;
    }
    if (!this.endpoint) return;
    const { endpoint, uploadEndpoint, credentials } = this;
    const key = JSON.stringify([endpoint, uploadEndpoint, credentials]);
    if (this.#own && this.#ownKey === key) return;
    this.#dropOwnClient();
    this.#own = createMediaClient({
      endpoint,
      ...(uploadEndpoint ? { uploadEndpoint } : {}),
      ...(credentials === 'include' ? { credentials } : {}),
    });
    this.#ownKey = key;
    this.client = this.#own;
  }

  #dropOwnClient(): void {
    if (!this.#own) return;
    const own = this.#own;
    this.#own = undefined;
    this.#ownKey = undefined;
    if (this.client === own) this.client = undefined;
    own.destroy();
  }

  /** Dispatches a typed event that bubbles out of shadow roots; returns false when it was canceled. */
  protected emit<K extends keyof MediabayEventMap>(
    type: K,
    detail: MediabayEventMap[K] extends CustomEvent<infer D> ? D : never,
    cancelable = false,
  ): boolean {
    return emit(this, type, detail, cancelable);
  }
}
