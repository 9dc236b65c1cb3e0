// The typed CustomEvents the elements dispatch. All bubble and are composed, so a page can listen on
// `<media-library>` or `document` for what happened inside nested shadow roots.
import type { Rejection, UploadItem } from '@mediabay/core';
import type { MediaFile } from '@mediabay/core/protocol';

export type FilesAddedEvent = CustomEvent<{ accepted: UploadItem[]; rejected: Rejection[] }>;
export type PanelToggleEvent = CustomEvent<{ minimized: boolean }>;
export type PanelDismissEvent = CustomEvent<Record<string, never>>;
export type SelectionChangeEvent = CustomEvent<{ ids: string[] }>;
export type OpenEvent = CustomEvent<{ file: MediaFile }>;
export type DeleteEvent = CustomEvent<{ ids: string[] }>;
export type DeletedEvent = CustomEvent<{ ids: string[]; ok: boolean; error?: string }>;

export interface MediabayEventMap {
  /** files went to `client.addFiles` (from the picker, a drop or a paste) */
  'mb-files-added': FilesAddedEvent;
  /** the panel was minimised or restored */
  'mb-panel-toggle': PanelToggleEvent;
  /** the panel was closed by its close button */
  'mb-panel-dismiss': PanelDismissEvent;
  /** the library's selection changed */
  'mb-selection-change': SelectionChangeEvent;
  /** an item was opened (double click, Enter); cancel it to show your own preview */
  'mb-open': OpenEvent;
  /** the user confirmed deleting items; cancel it to keep them */
  'mb-delete': DeleteEvent;
  /** the server answered a delete */
  'mb-deleted': DeletedEvent;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends MediabayEventMap {}
}

/** Dispatches a typed event that bubbles out of shadow roots; returns false when it was canceled. */
export function emit<K extends keyof MediabayEventMap>(
  target: EventTarget,
  type: K,
  detail: MediabayEventMap[K] extends CustomEvent<infer D> ? D : never,
  cancelable = false,
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}
