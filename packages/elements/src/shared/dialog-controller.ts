// Modal questions (confirm, or ask for one value) on a native <dialog>: focus trap, Escape and an
// inert page come from the platform. `ask()` resolves with the answer once the dialog closes. A
// confirm opens on its safe answer (Cancel), so a second Enter never deletes, and its message is the
// dialog's description, read out when it opens.
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';

export interface Question {
  title: string;
  body?: string;
  confirmLabel: string;
  cancelLabel: string;
  danger?: boolean;
  /** lines listed under the body (the usages that keep a file from being deleted) */
  list?: { label: string; items: string[] };
  /** ask for a value too (a tag name, say) */
  input?: { label: string; value?: string };
}

export interface Answer {
  ok: boolean;
  value: string;
}

/** what asks the user: the controller, or a stand-in that loads it first */
export type Asker = Pick<DialogController, 'ask'>;

export { default as dialogStyles } from './dialog.styles.js';

export class DialogController implements ReactiveController {
  question: Question | null = null;
  #host: ReactiveControllerHost & HTMLElement;
  #resolve?: (answer: Answer) => void;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#finish({ ok: false, value: '' });
  }

  async ask(question: Question): Promise<Answer> {
    this.#finish({ ok: false, value: '' }); // one question at a time
    this.question = question;
    this.#host.requestUpdate();
    await (this.#host as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const dialog = this.#dialog();
    if (dialog && !dialog.open) dialog.showModal();
    return new Promise((resolve) => (this.#resolve = resolve));
  }

  #dialog(): HTMLDialogElement | null {
    return this.#host.shadowRoot?.querySelector('dialog.question') ?? null;
  }

  #finish(answer: Answer): void {
    const resolve = this.#resolve;
    this.#resolve = undefined;
    this.question = null;
    const dialog = this.#dialog();
    if (dialog?.open) dialog.close();
    this.#host.requestUpdate();
    resolve?.(answer);
  }

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (new FormData(form).get('value') as string | null)?.trim() ?? '';
    if (this.question?.input && !value) return;
    this.#finish({ ok: true, value });
  };

  render(): TemplateResult | typeof nothing {
    const q = this.question;
    if (!q) return html`<dialog class="question" part="dialog"></dialog>`;
    return html`<dialog
      class="question"
      part="dialog confirm-dialog"
      aria-labelledby="question-title"
      aria-describedby=${q.body || q.list ? 'question-body' : nothing}
      @cancel=${(event: Event) => {
        event.preventDefault();
        this.#finish({ ok: false, value: '' });
      }}
    >
      <form @submit=${this.#onSubmit}>
        <h2 id="question-title" class="dialog-title">${q.title}</h2>
        <div id="question-body">
          ${q.body ? html`<p class="dialog-body">${q.body}</p>` : nothing}
          ${
            q.list
              ? html`<p class="dialog-body">${q.list.label}</p>
                  <ul class="dialog-list" part="dialog-list">
                    ${q.list.items.map((item) => html`<li>${item}</li>`)}
                  </ul>`
              : nothing
          }
        </div>
        ${
          q.input
            ? html`<label class="field"
                ><span>${q.input.label}</span
                ><input name="value" .value=${q.input.value ?? ''} autofocus required
              /></label>`
            : nothing
        }
        <div class="dialog-actions">
          ${
            q.cancelLabel
              ? html`<button
                  class="text-action"
                  type="button"
                  ?autofocus=${!q.input}
                  @click=${() => this.#finish({ ok: false, value: '' })}
                >
                  ${q.cancelLabel}
                </button>`
              : nothing
          }
          <button
            class="filled-action ${q.danger ? 'danger' : ''}"
            type="submit"
            ?autofocus=${!q.input && !q.cancelLabel}
          >
            ${q.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>`;
  }
}
