// <upload-dropzone> alone: ready, disabled, refused for a viewer, files dragged over (accepted and
// refused), files rejected with reasons, and in dark, RTL and French. Drags are real DragEvents with a DataTransfer.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { UploadDropzone } from '@mediabay/elements';
import {
  clientFor,
  documentedOnly,
  frame,
  frameArgTypes,
  frameDefaults,
  type FrameArgs,
} from './support/frame.js';
import { meAs, type Recording } from './support/recorded-client.js';
import { dragOver } from './support/drag.js';

interface DropzoneArgs extends FrameArgs {
  accept: string;
  maxSize: number;
  disabled: boolean;
}
type Story = StoryObj<DropzoneArgs>;

const recording: Recording = {};

const meta: Meta<DropzoneArgs> = {
  title: 'Elements/upload-dropzone',
  component: 'upload-dropzone',
  args: { ...frameDefaults, accept: 'image/*,video/*', maxSize: 10 * 1024 * 1024, disabled: false },
  argTypes: {
    ...frameArgTypes,
    ...documentedOnly(
      'endpoint',
      'client',
      'strings',
      'multiple',
      'max-size',
      'max-files',
      'maxFiles',
      'drag-active',
      'dragActive',
      'drag-reject',
      'dragReject',
      'restrictions',
    ),
  },
  parameters: { recording },
  render: (args, { parameters }) =>
    frame(
      args,
      html`<upload-dropzone
        style="max-width:560px"
        theme=${args.theme}
        accept=${args.accept}
        max-size=${args.maxSize}
        ?disabled=${args.disabled}
        .client=${clientFor(parameters.recording as Recording)}
      ></upload-dropzone>`,
    ),
};
export default meta;

async function dropzone(canvas: HTMLElement): Promise<UploadDropzone> {
  const el = canvas.querySelector('upload-dropzone') as UploadDropzone;
  await el.updateComplete;
  return el;
}

export const Ready: Story = {};

export const Disabled: Story = { args: { disabled: true } };

/** Signed in as a viewer: `client.$accepting` says `forbidden`, and the dropzone says why it is off. */
export const RefusedForViewer: Story = {
  parameters: { recording: { me: meAs('viewer', 'guest') } satisfies Recording },
};

export const DraggingValid: Story = {
  play: async ({ canvasElement }) => {
    dragOver(await dropzone(canvasElement), [new File(['x'], 'holiday.jpg', { type: 'image/jpeg' })]);
  },
};

export const DraggingInvalid: Story = {
  play: async ({ canvasElement }) => {
    dragOver(await dropzone(canvasElement), [
      new File(['%PDF'], 'contract.pdf', { type: 'application/pdf' }),
    ]);
  },
};

export const RejectedFiles: Story = {
  play: async ({ canvasElement }) => {
    const el = await dropzone(canvasElement);
    // Every file breaks a rule, so nothing reaches the (serverless) client's uploader.
    el.addFiles([
      new File(['%PDF'], 'contract.pdf', { type: 'application/pdf' }),
      new File([new ArrayBuffer(12 * 1024 * 1024)], 'raw-footage.mov', { type: 'video/quicktime' }),
      new File(['PK'], 'photos.zip', { type: 'application/zip' }),
    ]);
  },
};

export const Dark: Story = { args: { theme: 'dark' } };

export const RightToLeft: Story = { args: { lang: 'he', dir: 'rtl' } };

export const French: Story = { args: { lang: 'fr' } };
