// The toasts' full look, after first paint (shared/after-paint.ts): each toast kept as itself while
// others come and go (focus stays on its button), its tone's icon, its action (Undo) and its close
// button. toasts.ts shows their words alone until this is there.
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { iconButton } from './buttons.js';
import { icon } from './icons-later.js';
import type { ToastController } from './toasts.js';

const TONE_ICON = { success: 'done', error: 'error', info: 'info' } as const;

export function renderToastList(controller: ToastController, closeLabel: string): unknown {
  return repeat(
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
        ${iconButton(undefined, icon('close'), closeLabel, () => controller.dismiss(toast.id))}
      </div>`,
  );
}
