// Styles of the library's native dialogs (confirm, ask, preview, Activity, duplicate prompt): the
// card, its title, body, list and actions, and the head of a pane (dialog-head.ts). They join the
// library's sheet with the first dialog's module (shared/lazy-styles.ts).
import { css } from 'lit';
import { focusRing } from './button.styles.js';

export default css`
  dialog {
    max-width: min(440px, calc(100vw - 32px));
    padding: 24px;
    border: 0;
    border-radius: 24px;
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow);
    font-family: var(--_font);
  }
  dialog::backdrop {
    background: var(--_scrim);
  }
  dialog[open] {
    animation: pop var(--_duration) ease-out;
  }
  @keyframes pop {
    from {
      opacity: 0;
      transform: scale(0.96);
    }
  }
  .dialog-title {
    margin: 0 0 12px;
    font-size: 22px;
    font-weight: 400;
    line-height: 28px;
  }
  .dialog-body {
    margin: 0 0 16px;
    color: var(--_text-muted);
  }
  .dialog-list {
    margin: -8px 0 16px;
    padding-inline-start: 20px;
    max-height: 160px;
    overflow: auto;
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: 8px;
    margin-top: 24px;
  }
  .text-action,
  .filled-action {
    height: 40px;
    padding: 0 20px;
    border: 0;
    border-radius: 999px;
    font: 500 14px var(--_font);
    cursor: pointer;
  }
  .text-action {
    background: transparent;
    color: var(--_accent);
  }
  .filled-action {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .filled-action.danger {
    background: var(--_danger);
    color: var(--_surface);
  }
  .filled-action:disabled,
  .filled-action[aria-disabled='true'] {
    opacity: 0.5;
    cursor: default;
  }
  .text-action:focus-visible,
  .filled-action:focus-visible {
    ${focusRing}
  }
  /* the head of a dialog pane: title and Close (dialog-head.ts) */
  .details-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
  }
  /* a dialog's labelled fields (not the toolbar's, whose captions sit on their top edge) */
  dialog .field {
    display: grid;
    gap: 6px;
    margin-top: 16px;
    color: var(--_text-muted);
    font-size: 12px;
    font-weight: 500;
  }
  dialog .field input {
    height: 40px;
    padding: 0 12px;
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: var(--_surface);
    color: var(--_text);
    font: 14px var(--_font);
  }
  dialog .field input:focus {
    outline: 2px solid transparent;
    border-color: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }
`;
