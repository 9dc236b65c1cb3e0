// Typed JSX for the Mediabay elements in React 19: properties (`client`, `strings`) are set as
// properties, and `on<event-name>` props listen to the elements' CustomEvents.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { MediaClient } from '@mediabay/core';
import type {
  MediabayEventMap,
  MediabayStrings,
  MediaLibrary,
  PanelPosition,
  UploadDropzone,
  UploadPanel,
} from '@mediabay/elements';

type Listeners<K extends keyof MediabayEventMap> = {
  [E in K as `on${E}`]?: (event: MediabayEventMap[E]) => void;
};

interface MediabayProps<T> extends DetailedHTMLProps<HTMLAttributes<T>, T> {
  endpoint?: string;
  client?: MediaClient;
  theme?: 'light' | 'dark' | 'auto';
  strings?: Partial<MediabayStrings>;
}

type LibraryProps = MediabayProps<MediaLibrary> &
  Listeners<'mb-files-added' | 'mb-selection-change' | 'mb-open' | 'mb-delete' | 'mb-deleted'>;

type DropzoneProps = MediabayProps<UploadDropzone> &
  Listeners<'mb-files-added'> & {
    accept?: string;
    'max-size'?: number;
    'max-files'?: number;
    multiple?: boolean;
    disabled?: boolean;
  };

type PanelProps = MediabayProps<UploadPanel> &
  Listeners<'mb-panel-toggle' | 'mb-panel-dismiss'> & {
    position?: PanelPosition;
    minimized?: boolean;
    dismissed?: boolean;
  };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'media-library': LibraryProps;
      'upload-dropzone': DropzoneProps;
      'upload-panel': PanelProps;
    }
  }
}
