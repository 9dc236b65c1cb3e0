// Builds the LMS example to dist/ (served by `mediabay serve --demo examples/lms/dist`); `vite` dev
// proxies the media API and its socket to a `mediabay serve` on port 3000.
import { defineConfig } from 'vite';
import { exampleBuild, exampleHead, exampleServer } from '../shared/vite.js';

export default defineConfig({ plugins: [exampleHead], server: exampleServer, build: exampleBuild });
