// Styles of the library's overlays: native dialogs (confirm, ask, preview) and the toast stack.
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

  /* preview */
  dialog.preview {
    display: none;
    width: min(1040px, calc(100vw - 32px));
    max-width: none;
    height: min(640px, calc(100vh - 32px));
    padding: 0;
    overflow: hidden;
  }
  dialog.preview[open] {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 320px;
  }
  .preview-stage {
    display: grid;
    place-items: center;
    min-height: 0;
    background: #111;
  }
  .preview-media {
    width: 100%;
    height: 100%;
    object-fit: contain;
  }
  .preview-audio,
  .preview-none {
    display: grid;
    justify-items: center;
    gap: 16px;
    color: #ccc;
  }
  .preview-stage .thumb-icon svg {
    width: 96px;
    height: 96px;
  }
  .details {
    display: flex;
    flex-direction: column;
    padding: 16px 20px 20px;
    overflow-y: auto;
    border-inline-start: 1px solid var(--_border);
  }
  .details-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
  }
  .details .dialog-title {
    margin: 0;
  }
  .details .dialog-actions {
    margin-top: auto;
    padding-top: 16px;
  }
  .facts {
    margin: 4px 0 0;
    color: var(--_text-muted);
    font-size: 13px;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 2px;
    height: 28px;
    padding-inline: 12px 4px;
    border-radius: 8px;
    background: var(--_surface-2);
    color: var(--_text);
    font-size: 13px;
    font-weight: 400;
  }
  .chip button {
    display: grid;
    place-items: center;
    width: 22px;
    height: 22px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: none;
    color: inherit;
    cursor: pointer;
  }
  .chip svg {
    width: 14px;
    height: 14px;
    fill: currentColor;
  }
  .usages {
    display: grid;
    gap: 2px;
    margin: 0;
    padding: 0;
    list-style: none;
    color: var(--_text);
    font-size: 14px;
    font-weight: 400;
  }
  .usages li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 4px;
    min-height: 28px;
  }
  .usages button {
    display: grid;
    flex: none;
    place-items: center;
    width: 28px;
    height: 28px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: none;
    color: var(--_text-muted);
    cursor: pointer;
  }
  .usages button:hover {
    background: var(--_surface-2);
    color: var(--_text);
  }
  .usages button:focus-visible {
    outline: 2px solid transparent;
    outline-offset: 2px;
    box-shadow: var(--_focus);
  }
  .usages svg {
    width: 16px;
    height: 16px;
    fill: currentColor;
  }
  .usage-add {
    display: grid;
    gap: 6px;
  }
  /* a small visible label over its input (no placeholder stands in for a label) */
  .mini-field {
    display: grid;
    gap: 4px;
    color: var(--_text-muted);
    font-size: 12px;
  }
  .usage-add .text-action {
    justify-self: start;
    height: 32px;
    padding: 0 12px;
  }
  .muted {
    color: var(--_text-muted);
    font-weight: 400;
  }
  /* narrow or short (a phone, 200 % zoom): one column that scrolls as a whole, the media a band on
     top, so Close, Name, Tags and Save are never covered by the video */
  @media (max-width: 720px), (max-height: 560px) {
    dialog.preview[open] {
      display: flex;
      flex-direction: column;
      overflow-y: auto;
    }
    .preview-stage {
      flex: none;
      height: min(40vh, 320px);
      overflow: hidden;
    }
    .details {
      flex: none;
      overflow: visible;
      border-inline-start: 0;
      border-block-start: 1px solid var(--_border);
    }
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
