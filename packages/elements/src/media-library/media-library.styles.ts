// Styles of <media-library>: its column down to the scroller, the virtualizer's box and the first
// screen, selection; the items themselves are in items.styles.ts, the toolbar in toolbar.styles.ts.
import { css } from 'lit';
import { focusRing } from '../shared/button.styles.js';
import { iconButton, tokens } from '../styles/tokens.js';
import overlays from '../shared/overlay.styles.js';
import toolbar from './toolbar.styles.js';
import forcedColors from './forced-colors.styles.js';
import { listHeadStyles } from './list-head.js';
import chips from './chips.styles.js';
import items from './items.styles.js';

export default [
  tokens,
  iconButton,
  toolbar,
  overlays,
  css`
    /* A column of flex boxes down to the scroller, so the virtualizer gets a definite height both
       when the page sizes the element (flex item, explicit height) and when it does not (min-height). */
    :host {
      display: flex;
      flex-direction: column;
      height: var(--mb-library-height, auto);
      min-height: 420px;
      font-size: 14px;
      line-height: 20px;
    }
    upload-dropzone {
      display: flex;
      flex: 1;
      flex-direction: column;
      min-height: 0;
    }
    .base {
      display: flex;
      flex: 1;
      flex-direction: column;
      min-height: 0;
      overflow: hidden;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--mb-library-bg, var(--_surface));
      box-sizing: border-box;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      padding: 12px 16px 12px 20px;
      border-bottom: 1px solid var(--_border);
    }
    .title {
      margin: 0;
      font-size: 18px;
      font-weight: 500;
    }
    .count {
      color: var(--_text-muted);
      font-size: 13px;
    }
    .spacer {
      flex: 1;
      /* as tall as the Upload button, so the row keeps its height while $me decides whether to show it */
      min-height: 40px;
    }
    .primary,
    .secondary {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      height: 40px;
      padding: 0 20px 0 16px;
      border: 0;
      border-radius: 999px;
      font: 500 14px var(--_font);
      cursor: pointer;
      transition:
        box-shadow var(--_duration),
        background-color var(--_duration);
    }
    .primary {
      background: var(--_accent);
      color: var(--_on-accent);
    }
    .primary:hover {
      box-shadow: 0 1px 3px rgb(0 0 0 / 0.3);
    }
    .secondary {
      padding: 0 20px;
      border: 1px solid var(--_border);
      background: transparent;
      color: var(--_accent);
    }
    .primary svg,
    .secondary svg {
      width: 20px;
      height: 20px;
      fill: currentColor;
    }
    .primary:disabled,
    .secondary:disabled {
      opacity: 0.55;
      box-shadow: none;
      cursor: not-allowed;
    }
    .live-note {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 2px 10px;
      border-radius: 999px;
      background: var(--_surface-2);
      color: var(--_text-muted);
      font-size: 13px;
    }
    .live-dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: var(--_warning);
    }
    .upload-note {
      max-width: 32ch;
      color: var(--_text-muted);
      font-size: 13px;
    }
    .primary:focus-visible,
    .secondary:focus-visible {
      ${focusRing}
    }
    .content {
      position: relative;
      display: flex;
      flex: 1;
      flex-direction: column;
      min-height: 0;
    }
    .loading-more {
      position: absolute;
      inset-block-end: 12px;
      inset-inline-start: 50%;
      transform: translateX(-50%);
      display: flex;
      gap: 8px;
      align-items: center;
      padding: 6px 12px;
      border-radius: 999px;
      background: var(--mb-library-bg);
      box-shadow: 0 1px 4px rgb(0 0 0 / 20%);
      font-size: 0.8125rem;
    }
    .items {
      flex: 1;
      min-height: 0;
      outline: none;
    }
    .selection-rect {
      position: absolute;
      z-index: 2;
      border: 1px solid var(--_accent);
      border-radius: 2px;
      background: color-mix(in srgb, var(--_accent) 14%, transparent);
      pointer-events: none;
    }
    .rtl .selection-rect {
      transform: scaleX(-1);
      transform-origin: 50% 0;
    }
    .state-icon.muted svg {
      fill: var(--_text-muted);
    }
    .state {
      display: flex;
      flex: 1;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 8px;
      padding: 32px;
      color: var(--_text-muted);
      text-align: center;
    }
    .state strong {
      color: var(--_text);
      font-size: 18px;
      font-weight: 500;
    }
    .state-icon svg {
      width: 56px;
      height: 56px;
      fill: var(--_accent);
      opacity: 0.85;
    }
    .state.error svg {
      width: 32px;
      height: 32px;
      fill: var(--_danger);
    }
    .spinner {
      width: 28px;
      height: 28px;
      border: 3px solid var(--_surface-3);
      border-top-color: var(--_accent);
      border-radius: 50%;
      animation: spin 0.9s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(1turn);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation-duration: 3s;
      }
    }

    /* The virtualizer only lays out left to right: mirror it for RTL and flip each item back. */
    lit-virtualizer,
    .first-screen {
      direction: ltr;
    }
    .rtl lit-virtualizer,
    .rtl .first-screen,
    .rtl .item > * {
      transform: scaleX(-1);
    }
    .rtl .item > * {
      direction: rtl;
    }
    /* Names keep their own direction (dir=auto) but line up with the layout's start edge. */
    .rtl .card-name,
    .rtl .row-name {
      text-align: right;
    }
    .item {
      display: flex;
      outline: none;
    }
    /* first-screen.ts: the virtualizer's box and item placement until it has loaded */
    .first-screen {
      display: block;
      position: relative;
      contain: size layout;
      overflow: auto;
      min-height: 150px;
    }
    .first-cell,
    .first-sizer {
      position: absolute;
      top: 0;
      left: 0;
    }
    .first-cell {
      display: flex;
      box-sizing: border-box;
    }
    .items.list .first-cell {
      position: static;
    }
    .first-cell > .item {
      flex: 1;
      min-width: 0;
    }
    .first-sizer {
      width: 1px;
      visibility: hidden;
    }
    .items.list .item {
      width: 100%;
      /* an upload's progress in one row lays out that row only */
      contain: layout style;
    }
    /* the grid gives each card its size: a card's change lays out and paints inside it only (no paint
       containment, which would clip the active card's outline) */
    .items.grid .item {
      contain: size layout style;
    }
    .item > * {
      flex: 1;
      min-width: 0;
    }
    .items:focus-visible .item.active > * {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }
    .item.leaving {
      opacity: 0;
      transform: scale(0.96);
      transition:
        opacity var(--_duration),
        transform var(--_duration);
    }
  `,
  items,
  listHeadStyles,
  chips,
  forcedColors,
];
