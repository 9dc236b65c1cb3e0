// What each tag takes in a framework template, shared by the React and Vue typings: attributes
// (kebab-case, as strings/numbers/booleans), properties (`client`, `strings`, and the camelCase
// twin of each kebab-case attribute), and the CustomEvents each tag dispatches. Types only.
import type { MediaClient } from '@mediabay/core';
import type { MediabayStrings } from './i18n/en.js';
import type { MediabayEventMap } from './shared/events.js';
import type { PanelPosition } from './upload-panel/upload-panel.component.js';

/** Attributes and properties every Mediabay element takes. */
export interface MediabayElementProps {
  /** REST base of the media API; the element then makes and owns a client. */
  endpoint?: string;
  /** The tus creation URL when it is not `${endpoint}/uploads` (or the `uploadEndpoint` property). */
  'upload-endpoint'?: string;
  uploadEndpoint?: string;
  credentials?: 'same-origin' | 'include';
  theme?: 'light' | 'dark' | 'auto';
  /** A shared client (a property: set it from code or through React 19 / Vue property binding). */
  client?: MediaClient;
  /** Replaces some or all strings of the current locale, for this element only (a property). */
  strings?: Partial<MediabayStrings>;
}

export interface UploadDropzoneProps extends MediabayElementProps {
  accept?: string;
  /** bytes (attribute `max-size` or property `maxSize`) */
  'max-size'?: number | string;
  maxSize?: number;
  'max-files'?: number | string;
  maxFiles?: number;
  /** `false` (or `"false"`) for one file at a time. */
  multiple?: boolean | 'true' | 'false';
  disabled?: boolean;
}

export interface UploadPanelProps extends MediabayElementProps {
  position?: PanelPosition;
  minimized?: boolean;
  dismissed?: boolean;
}

export interface MediaLibraryProps extends MediabayElementProps {
  /** files per request (attribute `page-size` or property `pageSize`) */
  'page-size'?: number | string;
  pageSize?: number;
}

/** The events each tag dispatches (all bubble and are composed). */
export interface MediabayTagEvents {
  'upload-dropzone': 'mb-files-added';
  'upload-panel': 'mb-panel-toggle' | 'mb-panel-dismiss';
  'media-library': 'mb-files-added' | 'mb-selection-change' | 'mb-open' | 'mb-delete' | 'mb-deleted';
}

export interface MediabayTagProps {
  'upload-dropzone': UploadDropzoneProps;
  'upload-panel': UploadPanelProps;
  'media-library': MediaLibraryProps;
}

export type { MediabayEventMap };
