// Styles that come with a part loaded on first use (shared/lazy-part.ts) join the element's sheets
// then. They go in front of `before` (the forced-colors sheet, which must override what precedes it),
// else last. Each sheet is added once per element.
import { adoptStyles, type CSSResultOrNative, type ReactiveElement } from 'lit';

const added = new WeakMap<ReactiveElement, CSSResultOrNative[]>();

export function addStyles(
  host: ReactiveElement,
  styles: CSSResultOrNative | readonly CSSResultOrNative[],
  before?: CSSResultOrNative,
): void {
  const root = host.shadowRoot;
  if (!root) return;
  const own = added.get(host) ?? [];
  const fresh = (Array.isArray(styles) ? styles : [styles]).filter((sheet) => !own.includes(sheet));
  if (fresh.length === 0) return;
  own.push(...fresh);
  added.set(host, own);
  const base = (host.constructor as typeof ReactiveElement).elementStyles;
  const at = before ? base.indexOf(before) : -1;
  adoptStyles(root, at < 0 ? [...base, ...own] : [...base.slice(0, at), ...own, ...base.slice(at)]);
}
