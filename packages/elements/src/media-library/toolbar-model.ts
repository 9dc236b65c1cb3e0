// What the library's toolbar (library-toolbar.ts) renders and what its controls call: its own file so
// the selection bar's buttons (bulk-actions.ts, after first paint) name them without importing the
// toolbar (which names the module they come in).
import type { ViewState } from '@mediabay/core';

export interface ToolbarModel {
  view: ViewState;
  selectedCount: number;
  /** how many items the select-all checkbox would select */
  itemCount: number;
  /** whether the user may tag / delete every selected file (`$me`); default true */
  canTag?: boolean;
  canDelete?: boolean;
  /** admins: the toolbar offers the Activity view */
  canAudit?: boolean;
  /** the library's tags with counts, for the tag filter */
  tags?: readonly { name: string; count: number }[];
}

export interface ToolbarActions {
  search(q: string): void;
  setView<K extends keyof ViewState>(key: K, value: ViewState[K]): void;
  toggleAll(): void;
  clearSelection(): void;
  deleteSelected(): void;
  tagSelected(): void;
  /** Trash view: back to the library */
  restoreSelected(): void;
  /** opens the Activity view (admins) */
  openActivity(): void;
}
