// Every story renders inside a padded, full-height frame; the elements register once here.
import type { Preview } from '@storybook/web-components-vite';
import '@mediabay/elements';

const preview: Preview = {
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
  },
};

export default preview;
