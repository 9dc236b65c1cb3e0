// Styles of the <upload-panel> element itself: where it floats, and the design tokens. The card's
// own styles (upload-panel.styles.ts) load with the card (panel-view.ts).
import { css } from 'lit';
import { tokens } from '../styles/tokens.js';

export default [
  tokens,
  css`
    :host {
      --_offset: var(--mb-panel-offset, 24px);
      position: fixed;
      z-index: var(--mb-panel-z-index, 1000);
      inset-block-end: var(--_offset);
      inset-inline-end: var(--_offset);
      width: min(var(--mb-panel-width, 380px), calc(100vw - 2 * var(--_offset)));
      font-size: 14px;
      line-height: 20px;
    }
    :host([position='bottom-left']) {
      inset-inline: var(--_offset) auto;
    }
    :host([position='top-right']) {
      inset-block: var(--_offset) auto;
    }
    :host([position='top-left']) {
      inset-block: var(--_offset) auto;
      inset-inline: var(--_offset) auto;
    }
    /* keeping off the focused control: the other edge, and folded when even that covers it */
    :host([avoiding]:not([position^='top'])) {
      inset-block: var(--_offset) auto;
    }
    :host([avoiding][position^='top']) {
      inset-block: auto var(--_offset);
    }
    :host([avoiding='fold']) .list {
      display: none;
    }
    :host([position='inline']) {
      position: static;
      width: var(--mb-panel-width, 100%);
    }
  `,
];
