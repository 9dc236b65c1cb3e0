// Picks the strings for an element: its own `strings` override, else the locale registered for the
// nearest `lang`, else English. Resolves `lang` and `dir` when a host connects and again when they change
// above it (a MutationObserver on its trees), which re-renders it; not on every update (issue 21).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en, type MediabayStrings } from './en.js';

const locales = new Map<string, MediabayStrings>([['en', en]]);
/** Bumped when a locale is registered: the strings an element resolved before may have changed. */
let version = 0;
/** the connected hosts' controllers */
const controllers = new Set<LocalizeController>();

// The other shipped locales load the first time a page asks for one (`lang="fr"`), not with it.
const shipped = new Map<string, () => Promise<MediabayStrings>>([
  ['fr', () => import('./fr.js').then((module) => module.fr)],
]);
const loading = new Map<string, Promise<void>>();

/** Makes a locale available to every element; `lang` matches exactly, then by its language part. */
export function registerLocale(lang: string, strings: MediabayStrings): void {
  locales.set(lang.toLowerCase(), strings);
  version += 1;
  for (const controller of controllers) controller.invalidate();
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
/**
 * Watches `lang` and `dir` in the trees a host sits in (the document and each shadow root on the way
 * up), so a host resolves them when it connects and when they change, not on every update.
 */
function watchTrees(host: HTMLElement): void {
  if (typeof MutationObserver === 'undefined') return;
  // only the hosts below a changed element resolve again (an app's own dir="auto" text does not
  // re-render every element on the page)
  observer ??= new MutationObserver((records) => {
    const changed = new Set(records.map((record) => record.target));
    for (const controller of controllers) if (controller.below(changed)) controller.invalidate();
  });
  for (let root = host.getRootNode(); ; root = root.host.getRootNode()) {
    // observing a tree again only repeats the same options
    observer.observe(root, { attributes: true, attributeFilter: ['lang', 'dir'], subtree: true });
    if (!(root instanceof ShadowRoot)) return;
  }
}

/** `node` and the nodes above it, crossing shadow roots to their hosts */
function* upFrom(node: Node): Generator<Node> {
  for (let at: Node | null = node; at; at = at.parentNode ?? (at instanceof ShadowRoot ? at.host : null))
    yield at;
}

type LocalizedHost = ReactiveControllerHost & HTMLElement & { strings?: Partial<MediabayStrings> };

/** What a host resolved: kept while it is connected, dropped when `lang` or `dir` may have changed. */
interface Resolved {
  lang?: string;
  dir?: string;
  strings?: {
    lang: string;
    own: Partial<MediabayStrings> | undefined;
    version: number;
    value: MediabayStrings;
  };
}

export class LocalizeController implements ReactiveController {
  #host: LocalizedHost;
  #resolved: Resolved = {};

  constructor(host: LocalizedHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    const last = this.#resolved;
    this.#resolved = {};
    controllers.add(this);
    watchTrees(this.#host);
    // moved under another lang or dir (a move renders nothing by itself): render in them
    const moved = (attribute: 'lang' | 'dir') =>
      last[attribute] !== undefined && last[attribute] !== this.#cached(attribute);
    if (moved('lang') || moved('dir')) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    // what it resolved stays for hostConnected to compare; it is not read while disconnected
    controllers.delete(this);
  }

  /** @internal `lang` or `dir` changed somewhere above the host, or a locale came: resolve again */
  invalidate(): void {
    this.#resolved = {};
    this.#host.requestUpdate();
  }

  /** @internal whether one of `elements` is the host or above it, crossing shadow roots */
  below(elements: ReadonlySet<Node>): boolean {
    for (const node of upFrom(this.#host)) if (elements.has(node)) return true;
    return false;
  }

  /** The closest value of an attribute, crossing shadow roots (nested elements follow their page). */
  #closest(attribute: 'lang' | 'dir'): string {
    for (const node of upFrom(this.#host))
      if (node instanceof HTMLElement && node.getAttribute(attribute)) return node.getAttribute(attribute)!;
    return '';
  }

  /** Resolved once while connected (the trees above are watched); looked up each time while not. */
  #cached(attribute: 'lang' | 'dir'): string {
    if (!controllers.has(this)) return this.#closest(attribute);
    return (this.#resolved[attribute] ??= this.#closest(attribute));
  }

  /** Set while the page's language is a shipped locale still loading: the host waits for it. */
  get pending(): Promise<void> | undefined {
    return loadLocale(this.lang);
  }

  /** The closest `lang`, like Shoelace: elements follow their page. */
  get lang(): string {
    return this.#cached('lang') || 'en';
  }

  /** The same object from update to update until the language, a locale or the host's `strings` change. */
  get strings(): MediabayStrings {
    const lang = this.lang;
    const own = this.#host.strings;
    const last = this.#resolved.strings;
    if (last && last.lang === lang && last.own === own && last.version === version) return last.value;
    const base = stringsFor(lang);
    const value = own ? { ...base, ...own } : base;
    if (controllers.has(this)) this.#resolved.strings = { lang, own, version, value };
    return value;
  }

  /** `dir` of the closest element that sets one, else the locale's own direction. */
  get dir(): 'ltr' | 'rtl' {
    const explicit = this.#cached('dir');
    if (explicit === 'rtl' || explicit === 'ltr') return explicit;
    return this.strings.dir;
  }
}
