// Compile-time checks of the typed JSX (run by `tsc -p .` before the build; never bundled): each
// `@ts-expect-error` fails the build if the typings stop catching that mistake.
import type { FilesAddedEvent } from '@mediabay/elements';

export const checks = [
  <media-library
    endpoint="/api/media"
    theme="dark"
    onmb-files-added={(e: FilesAddedEvent) => e.detail.accepted}
  />,
  <upload-panel position="bottom-left" minimized />,
  // @ts-expect-error not a PanelPosition
  <upload-panel position="middle" />,
  // @ts-expect-error not a theme
  <media-library theme="sepia" />,
  // @ts-expect-error the selection event carries ids, not files
  <media-library onmb-selection-change={(e: FilesAddedEvent) => e.detail.accepted} />,
  // @ts-expect-error the client is a MediaClient, not an endpoint string
  <upload-dropzone client="/api/media" />,
];
