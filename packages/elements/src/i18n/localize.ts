// Picks the strings for an element: its own `strings` override, else the locale registered for the
// nearest `lang`, else English. Re-renders hosts when the document's lang or dir changes.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en, type MediabayStrings } from './en.js';
import { fr } from './fr.js';

// The shipped locales are always there (a few KB), so `lang="fr"` works with the plain bundle.
const locales = new Map<string, MediabayStrings>([
  ['en', en],
  ['fr', fr],
]);
const hosts = new Set<ReactiveControllerHost>();

/** Makes a locale available to every element; `lang` matches exactly, then by its language part. */
export function registerLocale(lang: string, strings: MediabayStrings): void {
  locales.set(lang.toLowerCase(), strings);
  for (const host of hosts) host.requestUpdate();
}

export function stringsFor(lang: string | null | undefined): MediabayStrings {
  const tag = (lang ?? '').toLowerCase();
  return locales.get(tag) ?? locales.get(tag.split('-')[0] ?? '') ?? en;
}

let observer: MutationObserver | undefined;
function watchDocument(): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver(() => hosts.forEach((host) => host.requestUpdate()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'] });
}

type LocalizedHost = ReactiveControllerHost & HTMLElement & { strings?: Partial<MediabayStrings> };

export class LocalizeController implements ReactiveController {
  #host: LocalizedHost;

  constructor(host: LocalizedHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.#host);
    watchDocument();
  }

  hostDisconnected(): void {
    hosts.delete(this.#host);
  }

  /** The closest value of an attribute, crossing shadow roots (nested elements follow their page). */
  #closest(attribute: 'lang' | 'dir'): string {
    let node: Node | null = this.#host;
    while (node) {
      if (node instanceof HTMLElement && node.getAttribute(attribute)) return node.getAttribute(attribute)!;
      node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    }
    return '';
  }

  /** The closest `lang`, like Shoelace: elements follow their page. */
  get lang(): string {
    return this.#closest('lang') || 'en';
  }

  get strings(): MediabayStrings {
    const base = stringsFor(this.lang);
    return this.#host.strings ? { ...base, ...this.#host.strings } : base;
  }

  /** `dir` of the closest element that sets one, else the locale's own direction. */
  get dir(): 'ltr' | 'rtl' {
    const explicit = this.#closest('dir');
    if (explicit === 'rtl' || explicit === 'ltr') return explicit;
    return this.strings.dir;
  }
}
