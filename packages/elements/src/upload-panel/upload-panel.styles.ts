// Styles of <upload-panel>'s card: a Drive-like floating card with a tinted header and compact rows
// (where the element floats is in panel-host.styles.ts, loaded with the element itself).
import { css } from 'lit';
import { accentHover, buttonReset, focusRing } from '../shared/button.styles.js';
import { iconButton } from '../styles/tokens.js';

export default [
  iconButton,
  css`
    .panel {
      overflow: hidden;
      border-radius: 16px;
      background: var(--mb-panel-bg, var(--_surface));
      box-shadow: var(--_shadow);
      animation: rise var(--_duration) ease-out;
    }
    @keyframes rise {
      from {
        opacity: 0;
        transform: translateY(12px);
      }
    }
    .header {
      display: flex;
      align-items: center;
      gap: 4px;
      padding: 8px 8px 8px 20px;
      background: var(--mb-panel-header-bg, var(--_surface-2));
    }
    .title {
      flex: 1;
      margin: 0;
      overflow: hidden;
      font-size: 15px;
      font-weight: 500;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .summary {
      /* a narrow panel puts the batch buttons under the progress text, not the text on three lines */
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0 8px;
      padding: 6px 12px 0 20px;
      color: var(--_text-muted);
      font-size: 13px;
      background: var(--mb-panel-header-bg, var(--_surface-2));
    }
    .summary-actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: end;
      gap: 4px;
    }
    .summary-text {
      white-space: nowrap;
    }
    .overall {
      flex: none;
      width: calc(100% + 32px);
      height: 4px;
      margin: 6px -12px 0 -20px;
      overflow: hidden;
      background: var(--_surface-3);
    }
    .text-button {
      ${buttonReset}
      padding: 4px 8px;
      border-radius: 6px;
      color: var(--_accent);
      font: 500 13px var(--_font);
    }
    .text-button:hover {
      ${accentHover}
    }
    .text-button:focus-visible {
      ${focusRing}
    }
    .list {
      /* a short viewport (a phone, 200 % zoom) keeps most of the page in view */
      max-height: min(var(--mb-panel-max-height, 320px), 40vh);
      padding: 4px 0;
      overflow-y: auto;
    }
    .rows {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .rows > .row {
      width: 100%;
      box-sizing: border-box;
    }
    .list:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: -2px;
    }
    .row {
      display: grid;
      grid-template-columns: 24px minmax(0, 1fr) auto;
      align-items: center;
      gap: 16px;
      min-height: 56px;
      padding: 6px 12px 6px 20px;
      /* a row's change lays out and paints that row only; rows the list keeps out of view are skipped */
      content-visibility: auto;
      contain-intrinsic-size: auto 56px;
    }
    .row:hover {
      background: color-mix(in srgb, var(--_text) 4%, transparent);
    }
    .type-icon svg {
      display: block;
      width: 24px;
      height: 24px;
      fill: currentColor;
    }
    .text {
      display: grid;
      gap: 2px;
      min-width: 0;
    }
    .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    [dir='rtl'] .name {
      text-align: right;
    }
    .detail {
      /* one line of a fixed height: its text changes with every progress round without laying out
         the row around it (a relayout boundary) */
      contain: size layout style;
      height: 16px;
      /* one line of whatever line height a user's text spacing sets (WCAG 1.4.12) */
      height: 1lh;
      overflow: hidden;
      color: var(--_text-muted);
      font-size: 12px;
      line-height: 16px;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    [data-waiting] .detail,
    [data-status='error'] .detail {
      contain: none;
      height: auto;
    }
    [data-waiting] .detail {
      white-space: normal;
    }
    [data-status='error'] .detail {
      color: var(--_danger);
      /* the whole reason, on as many lines as it takes */
      overflow: visible;
      white-space: normal;
      overflow-wrap: anywhere;
    }
    .bar {
      height: 4px;
      margin-top: 4px;
      overflow: hidden;
      border-radius: 2px;
      background: var(--_surface-3);
    }
    .bar-fill {
      height: 100%;
      background: var(--_accent);
      /* no transition: it moves twice a second (paced), and a transition would run frames between */
      transform-origin: left;
    }
    :host(:dir(rtl)) .bar-fill,
    [dir='rtl'] .bar-fill {
      transform-origin: right;
    }
    .bar-fill.paused {
      background: var(--_text-muted);
    }
    .bar-fill.processing {
      background: var(--_success);
    }
    .actions {
      display: flex;
      align-items: center;
      gap: 2px;
      color: var(--_text-muted);
    }
    .status-icon svg {
      display: block;
      width: 24px;
      height: 24px;
      fill: currentColor;
    }
    .status-icon.ready {
      color: var(--_success);
    }
    .status-icon.error {
      color: var(--_danger);
    }
    .status-icon.queued {
      color: var(--_text-muted);
    }
    @media (forced-colors: active) {
      .panel {
        border: 1px solid CanvasText;
      }
      .header {
        border-block-end: 1px solid CanvasText;
      }
      .bar,
      .overall {
        border: 1px solid CanvasText;
        background: Canvas;
      }
      .overall {
        height: 6px;
      }
      .bar-fill,
      .bar-fill.paused,
      .bar-fill.processing {
        background: Highlight;
        forced-color-adjust: none;
      }
      .text-button:focus-visible,
      .list:focus-visible {
        outline: 2px solid Highlight;
        outline-offset: 1px;
      }
    }
  `,
];
