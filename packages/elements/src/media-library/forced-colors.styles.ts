// The library in forced colors (Windows high contrast): backgrounds and shadows are dropped there,
// so every state that lives in a background or a shadow is drawn again with borders, outlines and
// system colours: the focused item, selected cards and rows, the pressed view button, the
// selection bar, progress bars, dialogs, toasts and the "live updates paused" note; the selects get
// the system's arrow back.
import { css } from 'lit';

export default css`
  @media (forced-colors: active) {
    .card,
    .row {
      border: 1px solid CanvasText;
    }
    .selected .card,
    .selected .row {
      border: 3px solid Highlight;
    }
    .check {
      forced-color-adjust: none;
      background: Highlight;
    }
    .check svg {
      fill: HighlightText;
    }
    .items:focus-visible .item.active > * {
      outline: 3px solid CanvasText;
      outline-offset: 3px;
    }
    .segmented [aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .segmented [aria-pressed='true'] svg {
      fill: HighlightText;
    }
    .selection-bar,
    .search,
    .live-note,
    .toast,
    .dialog {
      border: 1px solid CanvasText;
    }
    .search:focus-within {
      outline: 2px solid Highlight;
    }
    /* the drawn arrow is a background gradient, dropped here: the system draws its own */
    .select {
      appearance: auto;
    }
    .primary {
      border: 1px solid ButtonText;
    }
    .live-dot {
      forced-color-adjust: none;
      background: CanvasText;
    }
    .thumb-bar {
      border: 1px solid CanvasText;
    }
    .thumb-bar span {
      forced-color-adjust: none;
      background: Highlight;
    }
  }
`;
