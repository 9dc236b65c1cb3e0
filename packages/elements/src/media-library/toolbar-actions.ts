// What <media-library>'s toolbar buttons do: search, view keys (a sort key starts in its natural
// order), select all or none, and the selection's delete, tag and restore, after which focus goes
// back where it can (the button that opened the dialog may have gone with the files).
import type { ReactiveControllerHost } from 'lit';
import type { MediaClient } from '@mediabay/core';
import type { MediaFile, SortKey } from '@mediabay/core/protocol';
import { keepFocus, refocus } from '../shared/focus-keeper.js';
import type { LibraryActions } from './library-actions.js';
import type { ToolbarActions } from './library-toolbar.js';

export interface ToolbarHost extends ReactiveControllerHost, HTMLElement {
  readonly client?: MediaClient | undefined;
  readonly items: readonly MediaFile[];
  readonly selectedIds: readonly string[];
}

export function toolbarActions(
  host: ToolbarHost,
  actions: LibraryActions,
  more: {
    /** where focus goes when the control that had it went away */
    fallbacks(): Iterable<Element | null | undefined>;
    /** the search field's text, kept by the element while the search waits */
    searchText(q: string): void;
    openActivity(): void;
  },
): ToolbarActions {
  const thenRefocus = (action: Promise<unknown>) =>
    void action.finally(() => refocus(host, () => more.fallbacks()));
  return {
    search: (q) => {
      more.searchText(q);
      actions.search(q);
    },
    setView: (key, value) => {
      if (key === 'sort') host.client?.sortBy(value as SortKey);
      else host.client?.setView({ [key]: value });
    },
    toggleAll: () => {
      const all = host.items.length > 0 && host.selectedIds.length >= host.items.length;
      if (all) host.client?.selection.clear();
      else host.client?.selection.selectAll(host.items.map((file) => file.id));
    },
    clearSelection: () => {
      void keepFocus(host, () => more.fallbacks());
      host.client?.selection.clear();
    },
    deleteSelected: () => thenRefocus(actions.deleteSelected()),
    tagSelected: () => thenRefocus(actions.tagSelected()),
    openActivity: () => more.openActivity(),
    restoreSelected: () => thenRefocus(actions.restoreSelected()),
  };
}
