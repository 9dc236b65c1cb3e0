// Focus that never falls to <body>: after an action that may remove or hide the focused control (a
// row that leaves, a button that becomes another, a closing dialog), move focus to the first of the
// host's candidates that can take it. Focus the user moved elsewhere meanwhile is left alone.
import type { ReactiveElement } from 'lit';

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** the focused element inside `root`, following nested shadow roots */
export function deepActive(root: Document | ShadowRoot = document): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** whether `element` can hold focus now: in the page and rendered */
export function canFocus(element: Element | null | undefined): element is HTMLElement {
  return (
    element instanceof HTMLElement &&
    element.isConnected &&
    !element.closest('[hidden]') &&
    element.checkVisibility({ visibilityProperty: true }) &&
    !(element as HTMLButtonElement).disabled
  );
}

/** True while focus is inside `host` (its shadow tree included). */
export function holdsFocus(host: HTMLElement): boolean {
  return !!host.shadowRoot?.activeElement || host.matches(':focus-within');
}

/**
 * Call before an action that may take the focused control away. Once the host has rendered the
 * result (and virtualized lists laid out), focus goes to the first candidate that can take it when
 * the control that had it is gone, hidden or disabled, and nothing else took focus meanwhile.
 */
export async function keepFocus(
  host: ReactiveElement,
  candidates: () => Iterable<Element | null | undefined>,
): Promise<void> {
  const before = host.shadowRoot?.activeElement;
  if (!before) return;
  await host.updateComplete;
  await frame();
  await frame();
  const now = host.shadowRoot?.activeElement;
  if (now && now === before && canFocus(now)) return;
  if (now && now !== before && canFocus(now)) return;
  const outside = deepActive();
  if (!now && outside && outside !== document.body && !host.contains(outside)) return;
  for (const candidate of candidates()) {
    if (canFocus(candidate)) {
      candidate.focus();
      return;
    }
  }
}
