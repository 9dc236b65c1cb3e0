// Styles of <upload-dropzone>: a dashed drop area, or an invisible wrapper. Its drag overlay and the
// list of refused files are styled in dropzone-parts.ts, which loads with them.
import { css } from 'lit';
import { accentHover, buttonReset, focusRing } from '../shared/button.styles.js';
import { tokens } from '../styles/tokens.js';

export default [
  tokens,
  css`
    :host {
      display: flex;
      flex-direction: column;
      position: relative;
      font-size: 14px;
    }
    /* dims the controls, not the words: the prompt and the reason stay readable (contrast) */
    .standalone.off .icon,
    .standalone.off .button {
      opacity: 0.5;
    }
    .standalone.off .or,
    /* the reason says it all: no "Drag files here" above it, no button that does nothing */
    .refused .prompt-text,
    .refused .button {
      display: none;
    }
    .base {
      position: relative;
    }
    .wrapping {
      display: flex;
      flex: 1;
      flex-direction: column;
      min-height: 0;
    }
    .wrapping ::slotted(*) {
      flex: 1;
      min-height: 0;
    }
    .standalone {
      display: grid;
      place-items: center;
      min-height: 160px;
      padding: 24px;
      border: 2px dashed var(--mb-dropzone-border, var(--_border));
      border-radius: var(--_radius);
      background: var(--mb-dropzone-bg, var(--_surface));
      transition:
        background-color var(--_duration),
        border-color var(--_duration);
    }
    :host([drag-active]) .standalone {
      border-color: var(--_accent);
      background: var(--mb-dropzone-active-bg, color-mix(in srgb, var(--_accent) 8%, var(--_surface)));
    }
    :host([drag-reject]) .standalone {
      border-color: var(--_danger);
      background: var(--_danger-soft);
    }
    .prompt {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 6px;
      color: var(--_text-muted);
      text-align: center;
    }
    .icon svg {
      display: block;
      width: 40px;
      height: 40px;
      fill: var(--_accent);
    }
    .prompt-text {
      color: var(--_text);
      font-size: 16px;
      font-weight: 500;
    }
    .button {
      display: inline-block;
      margin-top: 4px;
      padding: 8px 20px;
      border: 1px solid var(--_border);
      border-radius: 999px;
      color: var(--_accent);
      font-weight: 500;
      cursor: pointer;
      transition: background-color var(--_duration);
    }
    .button:hover {
      ${accentHover}
    }
    input:focus-visible ~ .prompt .button {
      ${focusRing}
    }
    .off .button {
      cursor: not-allowed;
    }
    .reason {
      margin: 4px 0 0;
      color: var(--_text);
    }
    /* the refused files' Dismiss button (dropzone-parts.ts) */
    .link {
      ${buttonReset}
      color: var(--_accent);
      font: inherit;
    }
  `,
];
