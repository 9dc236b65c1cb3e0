// Public surface of @mediabay/elements: importing it registers <upload-dropzone>, <upload-panel> and
// <media-library>. Classes, helpers and types are exported for subclassing, tests and typed listeners.
export { UploadDropzone } from './upload-dropzone/upload-dropzone.js';
export { UploadPanel } from './upload-panel/upload-panel.js';
export { MediaLibrary } from './media-library/media-library.js';
export { MediabayElement } from './shared/mediabay-element.js';
export { StoreController } from './shared/store-controller.js';
export { formatBytes, formatDate, formatDuration, formatPercent, formatTimeLeft } from './shared/format.js';
export { registerLocale, stringsFor } from './i18n/localize.js';
export { en } from './i18n/en.js';
export { fr } from './i18n/fr.js';
export type { MediabayStrings } from './i18n/en.js';
export type { Subscribable } from './shared/store-controller.js';
export type { PanelPosition } from './upload-panel/upload-panel.component.js';
export type {
  MediabayEventMap,
  FilesAddedEvent,
  PanelToggleEvent,
  PanelDismissEvent,
  SelectionChangeEvent,
  OpenEvent,
  DeleteEvent,
  DeletedEvent,
} from './shared/events.js';
