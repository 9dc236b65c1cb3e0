// Styles of the library's toast stack. The dialogs' own (dialog.styles.ts, preview.styles.ts) load
// with the first dialog, their labelled fields included.
import { css } from 'lit';

export default css`
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
