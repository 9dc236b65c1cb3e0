// Styles of the Activity view (activity-view.ts): they join <media-library>'s sheet with the view's
// module, when it is first opened.
import { css } from 'lit';

export const activityStyles = css`
  dialog.activity {
    width: min(880px, calc(100vw - 32px));
    max-width: none;
    max-height: calc(100vh - 32px);
    overflow: auto;
  }
  .activity-filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0 12px;
  }
  .activity-filters .field {
    flex: 1 1 150px;
  }
  .activity-table {
    width: 100%;
    margin-top: 16px;
    border-collapse: collapse;
    font-size: 13px;
  }
  .activity-table th,
  .activity-table td {
    padding: 8px;
    border-bottom: 1px solid var(--_border);
    text-align: start;
    color: var(--_text);
  }
  .activity-table th {
    color: var(--_text-muted);
    font-weight: 500;
  }
  .activity-note {
    color: var(--_text-muted);
  }
  .activity-foot {
    display: flex;
    justify-content: center;
    gap: 12px;
    margin-top: 12px;
  }
`;
