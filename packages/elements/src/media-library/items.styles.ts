// The library's items: Drive-like cards in the grid, table-like rows in the list (their states,
// selection and progress). Part of <media-library>'s styles, after its layout rules.
import { css } from 'lit';

export default css`
  /* grid cards */
  .card {
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    padding: 0 10px 10px;
    border-radius: var(--_radius);
    background: var(--mb-item-bg, var(--_surface-2));
    cursor: default;
    user-select: none;
    transition: background-color var(--_duration);
  }
  .card:hover {
    background: var(--_surface-3);
  }
  .selected .card {
    background: var(--mb-item-selected-bg, var(--_accent-soft));
  }
  .card-head {
    display: flex;
    align-items: center;
    gap: 10px;
    height: 44px;
    padding-inline: 4px;
  }
  .small-icon svg {
    display: block;
    width: 20px;
    height: 20px;
    fill: currentColor;
  }
  .card-name {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    font-weight: 500;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .check {
    display: grid;
    place-items: center;
    width: 20px;
    height: 20px;
    border-radius: 50%;
    background: var(--_accent);
  }
  .check svg {
    width: 14px;
    height: 14px;
    fill: var(--_on-accent);
  }
  .thumb {
    position: relative;
    display: grid;
    flex: 1;
    place-items: center;
    min-height: 0;
    overflow: hidden;
    border-radius: var(--_radius-sm);
    background: var(--_surface);
  }
  .thumb-img,
  .thumb-video {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .row-thumb {
    position: relative;
  }
  .thumb-icon svg {
    display: block;
    width: 56px;
    height: 56px;
    fill: currentColor;
  }
  .duration {
    position: absolute;
    inset-block-end: 8px;
    inset-inline-end: 8px;
    padding: 1px 6px;
    border-radius: 4px;
    background: rgb(0 0 0 / 0.72);
    color: #fff;
    font-size: 12px;
    font-variant-numeric: tabular-nums;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 2px 8px;
    border-radius: 999px;
    background: var(--_surface-3);
    color: var(--_text);
    font-size: 12px;
    font-weight: 500;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .thumb .badge {
    position: absolute;
    inset-block-start: 8px;
    inset-inline-start: 8px;
    box-shadow: 0 1px 2px rgb(0 0 0 / 0.2);
  }
  .badge svg {
    width: 14px;
    height: 14px;
    fill: currentColor;
  }
  .badge-uploading,
  .badge-queued {
    background: var(--_accent-soft);
    color: var(--_text);
  }
  .badge-processing {
    background: color-mix(in srgb, var(--_success) 18%, var(--_surface));
    color: var(--_text);
  }
  .badge-error {
    background: var(--_danger-soft);
    color: var(--_danger);
  }
  .thumb-bar {
    position: absolute;
    inset-inline: 0;
    inset-block-end: 0;
    height: 4px;
    background: color-mix(in srgb, var(--_accent) 20%, transparent);
  }
  .thumb-bar span {
    display: block;
    height: 100%;
    background: var(--_accent);
    /* no transition: progress moves twice a second (paced); a transition would run frames between */
    transform-origin: left;
  }
  [dir='rtl'] .thumb-bar span {
    transform-origin: right;
  }
  .card-meta {
    padding: 8px 4px 0;
    color: var(--_text-muted);
    font-size: 12px;
    line-height: 16px;
  }
  /* muted grey is too faint on the selected tint (dark: 3.96:1): selected items use the text colour */
  .selected .card-meta,
  .selected .row-type,
  .selected .row-size,
  .selected .row-date {
    color: var(--_text);
  }

  /* list rows */
  .list-head,
  .row {
    display: grid;
    grid-template-columns: 40px minmax(0, 3fr) minmax(110px, 1fr) 96px 88px 120px;
    align-items: center;
    gap: 12px;
    padding: 0 16px 0 20px;
  }
  .list-head {
    height: 40px;
    border-bottom: 1px solid var(--_border);
    color: var(--_text-muted);
    font-size: 13px;
    font-weight: 500;
  }
  .row {
    box-sizing: border-box;
    width: 100%;
    height: 52px;
    border-bottom: 1px solid var(--_border);
    user-select: none;
  }
  .row:hover {
    background: var(--_surface-2);
  }
  .selected .row {
    background: var(--mb-item-selected-bg, var(--_accent-soft));
  }
  .row-thumb {
    display: grid;
    place-items: center;
    width: 36px;
    height: 36px;
    overflow: hidden;
    border-radius: 6px;
  }
  .row-thumb svg {
    width: 24px;
    height: 24px;
    fill: currentColor;
  }
  .row-name {
    overflow: hidden;
    font-weight: 500;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .row-type,
  .row-size,
  .row-date {
    color: var(--_text-muted);
    font-size: 13px;
    white-space: nowrap;
  }
  @media (max-width: 640px) {
    .list-head,
    .row {
      grid-template-columns: 40px minmax(0, 1fr) auto;
    }
    .list-head > :nth-child(n + 4),
    .row-type,
    .row-size,
    .row-date {
      display: none;
    }
  }
`;
