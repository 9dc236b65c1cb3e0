// custom-elements.json from the JSDoc of the element classes (@summary, @event, @csspart, ...).
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
};
