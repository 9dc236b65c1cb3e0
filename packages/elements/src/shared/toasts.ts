// Toasts: short messages that leave by themselves (success 4 s, failure 8 s), announced politely.
// A controller owns the list; `renderToasts` draws the region wherever the host puts it, the toasts
// in it with their icons and buttons once toast-list.ts (after first paint) is there, their words
// alone before (or when it could not load: offline, the toast that says so still shows). A toast
// that leaves while it has focus (closed, or expired) hands focus on: to another toast, else to the
// host's fallback, never to <body>.
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { keepFocus } from './focus-keeper.js';

export interface Toast {
  id: number;
  message: string;
  /** `info`: a fact to read once, neither a success nor a failure */
  tone: 'success' | 'error' | 'info';
  /** a button in the toast (Undo): it runs once and closes the toast */
  action?: ToastAction;
}

export interface ToastAction {
  label: string;
  run(): void;
}

const LIFETIME = { success: 4000, error: 8000, info: 8000 } as const;
/** a toast with an action stays long enough to reach it (WCAG 2.2.1: no 4 s race for Undo) */
const ACTION_LIFETIME = 10_000;

export class ToastController implements ReactiveController {
  toasts: Toast[] = [];
  #host: ReactiveControllerHost & HTMLElement;
  #fallback: () => Iterable<Element | null | undefined>;
  #timers = new Map<number, ReturnType<typeof setTimeout>>();
  #next = 1;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    fallback: () => Iterable<Element | null | undefined> = () => [],
  ) {
    this.#host = host;
    this.#fallback = fallback;
    host.addController(this);
  }

  hostDisconnected(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.toasts = [];
  }

  show(message: string, tone: Toast['tone'] = 'success', action?: ToastAction): void {
    const toast: Toast = { id: this.#next++, message, tone, ...(action ? { action } : {}) };
    this.toasts = [...this.toasts.slice(-2), toast]; // at most three at once
    this.#timers.set(
      toast.id,
      setTimeout(() => this.dismiss(toast.id), action ? ACTION_LIFETIME : LIFETIME[tone]),
    );
    this.#host.requestUpdate();
  }

  *#nextFocus(): Generator<Element | null | undefined> {
    const root = this.#host.shadowRoot;
    const last = this.toasts.at(-1);
    if (root && last) yield root.querySelector(`[data-toast="${last.id}"] button`);
    yield* this.#fallback();
  }

  dismiss(id: number): void {
    clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
    const focused = this.#host.shadowRoot?.activeElement?.closest(`[data-toast="${id}"]`);
    if (focused) void keepFocus(this.#host, () => this.#nextFocus());
    this.toasts = this.toasts.filter((toast) => toast.id !== id);
    this.#host.requestUpdate();
  }
}

/** the toasts' full look (icons, Undo and close buttons, kept per toast): toast-list.ts */
export type ToastList = (controller: ToastController, closeLabel: string) => unknown;

export function renderToasts(
  controller: ToastController,
  closeLabel: string,
  list: ToastList | undefined,
): TemplateResult {
  return html`<div class="toasts" part="toasts" role="status" aria-live="polite">
    ${
      list
        ? list(controller, closeLabel)
        : controller.toasts.map(
            (toast) =>
              html`<div class="toast ${toast.tone}" part="toast toast-${toast.tone}" data-toast=${toast.id}>
                <span class="toast-message">${toast.message}</span>
              </div>`,
          )
    }
  </div>`;
}
