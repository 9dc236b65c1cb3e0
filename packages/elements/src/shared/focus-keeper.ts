// Focus that never falls to <body>: after an action that may remove or hide the focused control (a
// row that leaves, a button that becomes another, a closing dialog), move focus to the first of the
// host's candidates that can take it. Focus the user moved elsewhere meanwhile is left alone.
import type { ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

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
 * Once the host has rendered (and virtualized lists laid out), gives focus to the first candidate
 * that can take it when focus was lost: on <body>, or on a control that is hidden or disabled now.
 * Focus anywhere else is left alone.
 */
export async function refocus(
  host: Host,
  candidates: () => Iterable<Element | null | undefined>,
): Promise<void> {
  await host.updateComplete;
  await frame();
  await frame();
  const active = deepActive();
  if (active && active !== document.body && canFocus(active)) return;
  for (const candidate of candidates()) {
    if (canFocus(candidate)) {
      candidate.focus();
      return;
    }
  }
}

/**
 * Call before an action that may take the focused control away (a row that leaves, a button that
 * goes): when focus was in the host, it is not lost to <body> afterwards (see `refocus`).
 */
export async function keepFocus(
  host: Host,
  candidates: () => Iterable<Element | null | undefined>,
): Promise<void> {
  if (!host.shadowRoot?.activeElement) return;
  await refocus(host, candidates);
}
