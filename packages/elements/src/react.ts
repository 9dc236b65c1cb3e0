// @mediabay/elements/react: typed JSX for the tags in React 19 (types only, nothing to run).
//   import type {} from '@mediabay/elements/react';   // once, e.g. in a .d.ts of the app
// React 19 sets `client` and `strings` as properties and `on<event-name>` props listen to the
// elements' CustomEvents: <media-library client={client} onmb-selection-change={(e) => e.detail.ids} />.
// Importing this module does not register the tags: import '@mediabay/elements' (or one element).
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { MediaLibrary } from './media-library/media-library.component.js';
import type { UploadDropzone } from './upload-dropzone/upload-dropzone.component.js';
import type { UploadPanel } from './upload-panel/upload-panel.component.js';
import type { MediabayEventMap, MediabayTagEvents, MediabayTagProps } from './framework-props.js';

/** `on<event-name>` listener props, each typed by the event it receives. */
export type MediabayReactListeners<K extends keyof MediabayEventMap> = {
  [E in K as `on${E}`]?: (event: MediabayEventMap[E]) => void;
};

/** The JSX props of one tag: React's HTML attributes, the element's own, and its events. */
export type MediabayReactProps<Tag extends keyof MediabayTagProps, T> = Omit<
  DetailedHTMLProps<HTMLAttributes<T>, T>,
  keyof MediabayTagProps[Tag]
> &
  MediabayTagProps[Tag] &
  MediabayReactListeners<MediabayTagEvents[Tag]>;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'media-library': MediabayReactProps<'media-library', MediaLibrary>;
      'upload-dropzone': MediabayReactProps<'upload-dropzone', UploadDropzone>;
      'upload-panel': MediabayReactProps<'upload-panel', UploadPanel>;
    }
  }
}
