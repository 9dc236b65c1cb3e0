// Keeps the floating panel off the focused control (WCAG 2.2 2.4.11, focus not obscured): when focus
// lands under the panel, the panel moves to the other edge of the viewport, and when it would still
// cover the control there (a narrow or zoomed page), it also folds its list away. It comes back home
// once focus is elsewhere. Focus inside the panel never moves it.
import type { ReactiveController, ReactiveElement } from 'lit';
import { deepActive } from '../shared/focus-keeper.js';

/** '' at home; 'flip' on the other edge; 'fold' on the other edge with the list folded away */
export type Avoiding = '' | 'flip' | 'fold';
const STEPS: readonly Avoiding[] = ['', 'flip', 'fold'];

type AvoidingHost = ReactiveElement & { avoiding: Avoiding; position: string };

const overlaps = (a: DOMRect, b: DOMRect): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

export class PanelAvoidController implements ReactiveController {
  #host: AvoidingHost;
  #panel: () => HTMLElement | null;

  constructor(host: AvoidingHost, panel: () => HTMLElement | null) {
    this.#host = host;
    this.#panel = panel;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('focusin', this.#onFocusIn, true);
  }

  hostDisconnected(): void {
    document.removeEventListener('focusin', this.#onFocusIn, true);
  }

  #onFocusIn = (): void => {
    const active = deepActive();
    if (!active || active === document.body) return;
    // the listbox's own host tells us its active item (it covers more than the item)
    if (active.getAttribute('role') === 'listbox' && active.hasAttribute('aria-activedescendant')) return;
    // a hidden card (no upload yet, or dismissed) covers nothing: no layout read on every focus
    this.avoid(this.#panel()?.hidden === false ? active.getBoundingClientRect() : null);
  };

  /**
   * Moves the panel off `target` (a rectangle in the viewport), or home when it covers nothing; null
   * sends it home. Synchronous: each step is set and measured until one leaves the target free.
   */
  avoid(target: DOMRect | null): void {
    const host = this.#host;
    const panel = this.#panel();
    if (host.position === 'inline' || !panel) return;
    if (host.shadowRoot?.activeElement) return; // focus is in the panel: it stays where it is
    if (!target || panel.hidden) {
      this.#set('');
      return;
    }
    for (const step of STEPS) {
      this.#set(step);
      if (!overlaps(panel.getBoundingClientRect(), target)) return;
    }
  }

  #set(step: Avoiding): void {
    if (this.#host.avoiding === step) return;
    this.#host.avoiding = step;
    // the attribute is what the layout reads: reflect it now, not at the next render
    if (step) this.#host.setAttribute('avoiding', step);
    else this.#host.removeAttribute('avoiding');
  }
}
