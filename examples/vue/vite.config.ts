// Builds the Vue example to dist/ (served by `mediabay serve --demo examples/vue/dist`). Vue is told
// that tags with a dash from Mediabay are custom elements, so it leaves them to the browser.
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { exampleBuild, exampleHead, exampleServer } from '../shared/vite.js';

const MEDIABAY_TAGS = new Set(['media-library', 'upload-dropzone', 'upload-panel']);

export default defineConfig({
  plugins: [
    exampleHead,
    vue({ template: { compilerOptions: { isCustomElement: (tag) => MEDIABAY_TAGS.has(tag) } } }),
  ],
  server: exampleServer,
  build: exampleBuild,
});
