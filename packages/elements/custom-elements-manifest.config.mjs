// custom-elements.json from the JSDoc of the element classes (@summary, @event, @csspart, ...), plus
// event types and the global tokens (scripts/manifest-plugin.mjs). e2e/manifest.test.ts checks it
// against the code: every part in a template, every event, token and slot is in it.
import { mediabayManifestPlugin } from './scripts/manifest-plugin.mjs';

export default {
  globs: [
    'src/**/*.component.ts',
    'src/shared/mediabay-element.ts',
    'src/**/upload-dropzone.ts',
    'src/**/upload-panel.ts',
    'src/**/media-library.ts',
  ],
  exclude: ['src/**/*.test.ts', 'src/test-support/**'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
  plugins: [mediabayManifestPlugin()],
};
