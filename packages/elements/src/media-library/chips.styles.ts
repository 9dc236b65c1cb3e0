// Tag chips on cards and rows (library-item.ts): small, one line, never taller than the text beside
// them.
import { css } from 'lit';

export default css`
  .card-meta {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .tag-chips {
    display: inline-flex;
    gap: 4px;
    max-width: 100%;
    margin-inline-start: 6px;
    vertical-align: top;
    overflow: hidden;
  }
  .row-status .tag-chips {
    margin-inline-start: 0;
  }
  .tag-chip {
    flex: none;
    max-width: 10em;
    padding: 0 6px;
    border-radius: 8px;
    background: color-mix(in srgb, var(--_accent) 14%, transparent);
    color: var(--_text);
    font-size: 11px;
    line-height: 16px;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    cursor: pointer;
  }
  .tag-chip.more {
    cursor: default;
  }
  @media (forced-colors: active) {
    .tag-chip {
      border: 1px solid CanvasText;
    }
  }
`;
