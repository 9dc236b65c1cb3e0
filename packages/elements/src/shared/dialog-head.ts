// The head of a dialog pane: its title and a Close button that takes focus when the dialog opens.
import { html, nothing, type TemplateResult } from 'lit';
import { icon } from './icons-later.js';

export function renderDialogHead(
  title: string,
  closeLabel: string,
  close: () => void,
  titleId?: string,
): TemplateResult {
  return html`<div class="details-head">
    <h2 class="dialog-title" id=${titleId ?? nothing}>${title}</h2>
    <button
      class="icon-button"
      type="button"
      autofocus
      aria-label=${closeLabel}
      title=${closeLabel}
      @click=${close}
    >
      ${icon('close')}
    </button>
  </div>`;
}
