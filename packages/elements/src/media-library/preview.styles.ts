// Styles of the preview dialog (preview-controller.ts): the media stage, the details pane with its
// tags, usages and captions. They load with the preview's module and join the library's sheet then.
import { css } from 'lit';
import { buttonReset, focusRing } from '../shared/button.styles.js';

export default css`
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
    ${buttonReset}
    border-radius: 50%;
    color: inherit;
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
    ${buttonReset}
    border-radius: 50%;
    color: var(--_text-muted);
  }
  .usages button:hover {
    background: var(--_surface-2);
    color: var(--_text);
  }
  .usages button:focus-visible {
    ${focusRing}
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
  /* the details pane's Download and Copy link (file-links.ts) */
  .file-links {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin: 0 0 12px;
  }
  .file-links a.tool-button {
    text-decoration: none;
  }
`;
