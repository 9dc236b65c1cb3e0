// Styles of the library's overlays: native dialogs (confirm, ask) and the toast stack (the preview's
// own, media-library/preview.styles.ts, load with it).
import { css } from 'lit';

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
    outline: 2px solid transparent;
    outline-offset: 2px;
    box-shadow: var(--_focus);
  }
  .field {
    display: grid;
    gap: 6px;
    margin-top: 16px;
    color: var(--_text-muted);
    font-size: 12px;
    font-weight: 500;
  }
  .field input {
    height: 40px;
    padding: 0 12px;
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: var(--_surface);
    color: var(--_text);
    font: 14px var(--_font);
  }
  .field input:focus {
    outline: 2px solid transparent;
    border-color: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }

  /* the head of a dialog pane: title and Close (dialog-head.ts) */
  .details-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
  }

  /* toasts */
  .toasts {
    position: fixed;
    z-index: 1001;
    inset-block-end: 24px;
    inset-inline-start: 24px;
    display: grid;
    gap: 8px;
    max-width: min(420px, calc(100vw - 48px));
  }
  .toast {
    display: flex;
    align-items: center;
    gap: 12px;
    min-height: 48px;
    padding: 4px 4px 4px 16px;
    border-radius: 8px;
    background: var(--mb-toast-bg, #303030);
    color: var(--mb-toast-color, #f2f2f2);
    box-shadow: var(--_shadow);
    animation: pop var(--_duration) ease-out;
  }
  .toast > svg {
    flex: none;
    width: 20px;
    height: 20px;
    fill: #6dd58c;
  }
  .toast.error > svg {
    fill: #f2b8b5;
  }
  .toast.info > svg {
    fill: #a8c7fa;
  }
  .toast-message {
    flex: 1;
  }
  .toast-action {
    flex: none;
    min-height: 36px;
    padding: 0 12px;
    border: 0;
    border-radius: 4px;
    background: none;
    color: var(--mb-toast-action-color, #a8c7fa);
    font: 500 14px var(--_font);
    cursor: pointer;
  }
  .toast-action:hover {
    background: color-mix(in srgb, currentColor 12%, transparent);
  }
  .toast-action:focus-visible {
    outline: 2px solid currentColor;
    outline-offset: -2px;
  }
`;
