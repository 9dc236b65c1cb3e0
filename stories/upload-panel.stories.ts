// <upload-panel> in the states of an upload: many at once, paused, processing, waiting to be retried
// by itself, failed (Retry all failed), done, minimised, and in dark, RTL and French.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { upload } from './support/fixtures.js';
import {
  clientFor,
  documentedOnly,
  frame,
  frameArgTypes,
  frameDefaults,
  type FrameArgs,
} from './support/frame.js';
import type { Recording } from './support/recorded-client.js';

interface PanelArgs extends FrameArgs {
  minimized: boolean;
  position: 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left' | 'inline';
}
type Story = StoryObj<PanelArgs>;

const many: Recording = {
  uploads: [
    ...[0, 1, 2].map((i) => upload(i, 'uploading')),
    ...[3, 4, 5, 6, 7, 8, 9].map((i) => upload(i, 'queued')),
    upload(10, 'processing'),
    upload(11, 'ready'),
  ],
};

const meta: Meta<PanelArgs> = {
  title: 'Elements/upload-panel',
  component: 'upload-panel',
  args: { ...frameDefaults, minimized: false, position: 'bottom-right' },
  argTypes: {
    ...frameArgTypes,
    ...documentedOnly('endpoint', 'client', 'strings', 'dismissed'),
    position: {
      control: 'select',
      options: ['bottom-right', 'bottom-left', 'top-right', 'top-left', 'inline'],
    },
  },
  parameters: { recording: many },
  render: (args, { parameters }) =>
    frame(
      args,
      html`<p>The panel floats over the page while files upload.</p>
        <upload-panel
          theme=${args.theme}
          position=${args.position}
          ?minimized=${args.minimized}
          .client=${clientFor(parameters.recording as Recording)}
        ></upload-panel>`,
    ),
};
export default meta;

export const UploadingMany: Story = {};

export const Paused: Story = {
  parameters: { recording: { uploads: [upload(0, 'paused'), upload(1, 'paused'), upload(2, 'queued')] } },
};

export const Processing: Story = {
  parameters: {
    recording: {
      uploads: [
        upload(0, 'processing', { processing: { stage: 'probing', progress: 10 } }),
        upload(1, 'processing'),
        upload(2, 'ready'),
      ],
    },
  },
};

export const Failed: Story = {
  parameters: {
    recording: {
      uploads: [
        upload(0, 'error'),
        upload(1, 'error', {
          error: { code: 'too-large', message: 'The server refused a file over 2 GB.', retryable: false },
        }),
        upload(2, 'ready'),
      ],
    },
  },
};

/** Rows that wait to be tried again by themselves: no connection, and a server that asked to wait. */
export const WaitingToRetry: Story = {
  parameters: {
    recording: {
      uploads: [
        upload(0, 'uploading', { waiting: { reason: 'offline', retryAt: null } }),
        upload(1, 'queued', { waiting: { reason: 'rate-limited', retryAt: Date.now() + 45_000 } }),
        upload(2, 'uploading'),
      ],
    },
  },
};

/** Failures by code in the reader's language, and a final server answer in the server's words. */
export const FailedInFrench: Story = {
  args: { lang: 'fr' },
  parameters: {
    recording: {
      uploads: [
        upload(0, 'error', {
          error: { code: 'network', message: 'The connection was lost.', retryable: true },
        }),
        upload(1, 'error', {
          error: {
            code: 'policy-refused',
            message: 'Files of this kind are refused by the course policy of this school.',
            retryable: false,
            fromServer: true,
          },
        }),
        upload(2, 'uploading'),
      ],
    },
  },
};

export const Done: Story = {
  parameters: { recording: { uploads: [0, 1, 2, 3].map((i) => upload(i, 'ready')) } },
};

export const Minimized: Story = { args: { minimized: true } };

export const Dark: Story = { args: { theme: 'dark' } };

export const RightToLeft: Story = { args: { lang: 'he', dir: 'rtl' } };

export const French: Story = { args: { lang: 'fr' } };
