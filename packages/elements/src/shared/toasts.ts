// Toasts: short messages that leave by themselves (success 4 s, failure 8 s), announced politely.
// A controller owns the list; `renderToasts` draws it wherever the host puts the region. A toast
// that leaves while it has focus (closed, or expired) hands focus on: to another toast, else to the
// host's fallback, never to <body>.
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { icon } from './icons.js';
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
const TONE_ICON = { success: 'done', error: 'error', info: 'info' } as const;

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

export function renderToasts(controller: ToastController, closeLabel: string): TemplateResult {
  return html`<div class="toasts" part="toasts" role="status" aria-live="polite">
    ${repeat(
      controller.toasts,
      (toast) => toast.id,
      (toast) =>
        html`<div class="toast ${toast.tone}" part="toast toast-${toast.tone}" data-toast=${toast.id}>
          ${icon(TONE_ICON[toast.tone])}
          <span class="toast-message">${toast.message}</span>
          ${
            toast.action
              ? html`<button
                  class="toast-action"
                  part="toast-action"
                  type="button"
                  @click=${() => {
                    controller.dismiss(toast.id);
                    toast.action?.run();
                  }}
                >
                  ${toast.action.label}
                </button>`
              : nothing
          }
          <button
            class="icon-button"
            type="button"
            aria-label=${closeLabel}
            title=${closeLabel}
            @click=${() => controller.dismiss(toast.id)}
          >
            ${icon('close')}
          </button>
        </div>`,
    )}
  </div>`;
}
