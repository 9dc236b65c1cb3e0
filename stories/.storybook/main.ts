// Storybook for the Mediabay elements: web components through Vite, stories beside this folder.
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: (vite) => ({
    ...vite,
    define: { ...vite.define, 'process.env.NODE_ENV': JSON.stringify('production') },
    build: { ...vite.build, chunkSizeWarningLimit: 2048 },
  }),
};

export default config;
