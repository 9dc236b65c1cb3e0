// Builds the LMS example to dist/ (served by `mediabay serve --demo examples/lms/dist`); `vite` dev
// proxies the media API and its socket to a `mediabay serve` on port 3000.
import { defineConfig } from 'vite';

export default defineConfig({
  server: { proxy: { '/api/media': { target: 'http://127.0.0.1:3000', ws: true } } },
  build: { target: 'es2022', chunkSizeWarningLimit: 1024 },
});
