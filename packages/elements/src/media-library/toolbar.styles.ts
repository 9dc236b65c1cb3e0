// Styles of the library's filter row: search, selects, segmented view toggle, selection bar.
import { css } from 'lit';
import { buttonReset, focusRing } from '../shared/button.styles.js';

export default css`
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    /* a wrapped row leaves room for the captions on its fields' top edge */
    gap: 14px 8px;
    min-height: 56px;
    padding: 8px 16px 8px 12px;
    border-bottom: 1px solid var(--_border);
    box-sizing: border-box;
  }
  .select-all {
    display: grid;
    place-items: center;
    width: 40px;
    height: 40px;
    cursor: pointer;
  }
  .select-all input {
    width: 18px;
    height: 18px;
    margin: 0;
    accent-color: var(--_accent);
    cursor: pointer;
  }
  /* A field's visible name sits on its top edge (an outlined field's caption): it names the field
     without widening the toolbar. */
  .search,
  .field {
    position: relative;
  }
  .field {
    display: inline-flex;
  }
  .field-label {
    position: absolute;
    inset-block-start: -8px;
    inset-inline-start: 10px;
    padding: 0 4px;
    border-radius: 4px;
    background: var(--mb-library-bg, var(--_surface));
    color: var(--_text-muted);
    font: 500 11px/14px var(--_font);
    white-space: nowrap;
    cursor: default;
  }
  .search .field-label {
    inset-inline-start: 14px;
  }
  .search {
    display: flex;
    /* beside the select-all box in a 320 px library, not on a row of its own (its input shrinks) */
    flex: 1 1 150px;
    min-width: 0;
    align-items: center;
    gap: 8px;
    max-width: 480px;
    height: 40px;
    padding: 0 16px;
    border-radius: 999px;
    background: var(--_surface-2);
    color: var(--_text-muted);
    transition:
      background-color var(--_duration),
      box-shadow var(--_duration);
  }
  .search:focus-within {
    outline: 2px solid transparent;
    background: var(--_surface);
    box-shadow: 0 0 0 2px var(--_accent);
  }
  .search input::placeholder {
    color: var(--_text-muted);
    opacity: 1;
  }
  .search svg {
    flex: none;
    width: 20px;
    height: 20px;
    fill: currentColor;
  }
  .search input {
    flex: 1;
    min-width: 0;
    border: 0;
    outline: none;
    background: transparent;
    color: var(--_text);
    font: 14px var(--_font);
  }
  .select {
    height: 40px;
    padding-inline: 14px 34px;
    border: 1px solid var(--_border);
    border-radius: 8px;
    background-color: var(--_surface);
    background-image:
      linear-gradient(45deg, transparent 50%, currentColor 50%),
      linear-gradient(135deg, currentColor 50%, transparent 50%);
    background-position:
      calc(100% - 18px) 50%,
      calc(100% - 13px) 50%;
    background-size: 5px 5px;
    background-repeat: no-repeat;
    color: var(--_text);
    font: 14px var(--_font);
    appearance: none;
    cursor: pointer;
  }
  [dir='rtl'] .select {
    background-position:
      13px 50%,
      18px 50%;
  }
  .select:focus-visible {
    ${focusRing}
  }
  .segmented {
    display: inline-flex;
    padding: 2px;
    border: 1px solid var(--_border);
    border-radius: 999px;
  }
  .segmented .icon-button {
    width: 36px;
    height: 34px;
    border-radius: 999px;
  }
  .segmented [aria-pressed='true'] {
    background: var(--_accent-soft);
    color: var(--_text);
  }
  .selection-bar {
    display: flex;
    flex: 1;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 8px;
    /* a narrow library (320 px, 200 % zoom) wraps the actions instead of scrolling sideways */
    min-width: 0;
    min-height: 40px;
    padding: 4px 4px 4px 12px;
    box-sizing: border-box;
    border-radius: 20px;
    background: var(--_accent-soft);
  }
  .selected-count {
    flex: 1;
    font-weight: 500;
    white-space: nowrap;
  }
  .tool-button {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    height: 32px;
    padding: 0 12px;
    ${buttonReset}
    border-radius: 999px;
    color: var(--_text);
    font: 500 14px var(--_font);
  }
  .tool-button:hover {
    background: color-mix(in srgb, currentColor 10%, transparent);
  }
  .tool-button:focus-visible {
    ${focusRing}
  }
  .tool-button svg {
    width: 18px;
    height: 18px;
    fill: currentColor;
  }
  .tool-button.danger {
    color: var(--_danger);
  }
`;
