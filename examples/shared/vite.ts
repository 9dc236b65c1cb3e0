// What the Vite-built examples share: the head every page starts with (injected, so each index.html
// keeps only its title and body), the dev proxy to a `mediabay serve` on port 3000, and the build target.
// Plain objects, no `vite` import: this folder has no node_modules of its own.

/** Charset, viewport, colour schemes and an empty icon (no favicon request) at the top of <head>. */
const headTags = [
  { tag: 'meta', attrs: { charset: 'utf-8' } },
  { tag: 'meta', attrs: { name: 'viewport', content: 'width=device-width, initial-scale=1' } },
  { tag: 'meta', attrs: { name: 'color-scheme', content: 'light dark' } },
  { tag: 'link', attrs: { rel: 'icon', href: 'data:,' } },
];

export const exampleHead = {
  name: 'mediabay-example-head',
  transformIndexHtml: () => headTags.map((tag) => ({ ...tag, injectTo: 'head-prepend' as const })),
};

/** `vite` dev proxies the media API and its socket to `mediabay serve --port 3000`. */
export const exampleServer = { proxy: { '/api/media': { target: 'http://127.0.0.1:3000', ws: true } } };

export const exampleBuild = { target: 'es2022', chunkSizeWarningLimit: 1024 };
