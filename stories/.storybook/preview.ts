// Every story renders full-screen; the elements register once here, and their generated manifest
// (JSDoc: attributes, properties, events, parts, CSS properties) feeds the docs pages and controls.
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import manifest from '@mediabay/elements/custom-elements.json';
import '@mediabay/elements';

setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    // Docs pages show each story in its own frame: the panel is position: fixed, and stories must
    // not share one page's layout or selection.
    docs: { story: { inline: false, iframeHeight: 560 } },
  },
};

export default preview;
