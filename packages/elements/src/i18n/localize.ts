// Picks the strings for an element: its own `strings` override, else the locale registered for the
// nearest `lang`, else English. Re-renders hosts when the document's lang or dir changes.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en, type MediabayStrings } from './en.js';

const locales = new Map<string, MediabayStrings>([['en', en]]);
const hosts = new Set<ReactiveControllerHost>();

// The other shipped locales load the first time a page asks for one (`lang="fr"`), not with it.
const shipped = new Map<string, () => Promise<MediabayStrings>>([
  ['fr', () => import('./fr.js').then((module) => module.fr)],
]);
const loading = new Map<string, Promise<void>>();

/** Makes a locale available to every element; `lang` matches exactly, then by its language part. */
export function registerLocale(lang: string, strings: MediabayStrings): void {
  locales.set(lang.toLowerCase(), strings);
  for (const host of hosts) host.requestUpdate();
}

/**
 * While `lang` falls back to a shipped locale that has not loaded yet: loads it (once; again after
 * a failed load) and resolves when it is registered. Else undefined.
 */
export function loadLocale(lang: string | null | undefined): Promise<void> | undefined {
  if (loading.size === shipped.size && [...loading.keys()].every((key) => locales.has(key))) return undefined;
  const tag = (lang ?? '').toLowerCase();
  const base = tag.split('-')[0] ?? '';
  if (locales.has(tag) || locales.has(base)) return undefined;
  const key = shipped.has(tag) ? tag : base;
  const load = shipped.get(key);
  if (!load) return undefined;
  let pending = loading.get(key);
  if (!pending) {
    pending = load().then(
      (strings) => {
        if (!locales.has(key)) registerLocale(key, strings); // a locale the app registered wins
      },
      () => void loading.delete(key), // offline: English for now, the next render tries again
    );
    loading.set(key, pending);
  }
  return pending;
}

export function stringsFor(lang: string | null | undefined): MediabayStrings {
  const tag = (lang ?? '').toLowerCase();
  void loadLocale(tag);
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

  /** Set while the page's language is a shipped locale still loading: the host waits for it. */
  get pending(): Promise<void> | undefined {
    return loadLocale(this.lang);
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
