// <media-library> in the states a user meets: empty, loading, failed, a few files, thousands in the
// grid and the list, selection, the confirm and preview dialogs, no matches, a viewer and an editor
// (library and details pane), a full upload queue, dark, RTL and French.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { MediaLibrary } from '@mediabay/elements';
import { inFlight, mediaFile, mediaFiles, upload } from './support/fixtures.js';
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
import type { MediaFile, ServerEvent } from '@mediabay/core/protocol';

const progressEvent = (file: MediaFile, progress: number, stage: string): ServerEvent => ({
  type: 'media-processing-progress',
  operationId: file.operationId,
  fileId: file.id,
  data: { progress, stage },
});

type Story = StoryObj<FrameArgs>;

const meta: Meta<FrameArgs> = {
  title: 'Elements/media-library',
  component: 'media-library',
  args: frameDefaults,
  argTypes: { ...frameArgTypes, ...documentedOnly('endpoint', 'client', 'strings', 'items', 'selectedIds') },
  parameters: {
    recording: { files: mediaFiles(24) } satisfies Recording,
  },
  render: (args, { parameters }) =>
    frame(
      args,
      html`<media-library
        style="flex:1;min-height:560px"
        theme=${args.theme}
        .client=${clientFor(parameters.recording as Recording)}
      ></media-library>`,
    ),
};
export default meta;

const library = (canvas: HTMLElement) => canvas.querySelector('media-library') as MediaLibrary;
const settle = async (el: MediaLibrary) => {
  await el.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 100));
};

export const Grid: Story = {};

export const Empty: Story = { parameters: { recording: { files: [] } } };

export const Loading: Story = { parameters: { recording: { list: 'pending' } } };

export const LoadError: Story = { parameters: { recording: { list: 'error' } } };

export const NoMatches: Story = {
  parameters: { recording: { files: mediaFiles(24), view: { q: 'holiday' } } },
};

const thousands = mediaFiles(5000);

export const GridWithThousands: Story = { parameters: { recording: { files: thousands } } };

export const ListWithThousands: Story = {
  parameters: { recording: { files: thousands, view: { mode: 'list' } } },
};

export const Selection: Story = {
  parameters: {
    recording: { files: mediaFiles(24), selected: ['file_000001', 'file_000002', 'file_000005'] },
  },
};

const inProgress = [
  upload(12, 'uploading'),
  upload(13, 'uploading'),
  upload(14, 'processing'),
  upload(15, 'queued'),
];

export const UploadsInProgress: Story = {
  parameters: {
    recording: { files: [...inProgress.map(inFlight), ...mediaFiles(12)], uploads: inProgress },
  },
};

const processing = upload(16, 'processing', { processing: { stage: 'queued', progress: 0 } });
const processed = mediaFile(16, { operationId: processing.operationId, name: processing.name });

/** The socket replays what the server sent while this upload was processed, then its record. */
export const ProcessingLive: Story = {
  parameters: {
    recording: {
      files: [inFlight(processing), ...mediaFiles(12)],
      uploads: [processing],
      events: [
        { at: 600, event: progressEvent(processed, 10, 'probing') },
        { at: 1400, event: progressEvent(processed, 50, 'thumbnail') },
        { at: 2200, event: { type: 'media-created', file: processed } },
      ],
    } satisfies Recording,
  },
};

export const ConfirmDelete: Story = {
  parameters: { recording: { files: mediaFiles(24), selected: ['file_000003', 'file_000004'] } },
  play: async ({ canvasElement }) => {
    const el = library(canvasElement);
    await settle(el);
    el.requestDelete();
  },
};

export const Preview: Story = {
  play: async ({ canvasElement }) => {
    const el = library(canvasElement);
    await settle(el);
    el.openItem(mediaFile(1));
  },
};

/** Files dragged over the library: the inner dropzone's overlay covers it. */
export const DraggingFiles: Story = {
  play: async ({ canvasElement }) => {
    const el = library(canvasElement);
    await settle(el);
    const dropzone = el.shadowRoot!.querySelector('upload-dropzone')!;
    dragOver(dropzone, [new File(['x'], 'field-trip.mp4', { type: 'video/mp4' })]);
  },
};

/** Signed in as a viewer: `GET /me` allows reading only, so the library offers no upload or edits. */
export const ReadOnlyViewer: Story = {
  parameters: {
    recording: { files: mediaFiles(24), me: meAs('viewer', 'guest') } satisfies Recording,
  },
};

/** A viewer opens a file a course uses: name, tags and usages are shown read-only, with nothing to save. */
export const ViewerDetails: Story = {
  parameters: {
    recording: { files: mediaFiles(24), me: meAs('viewer', 'guest') } satisfies Recording,
  },
  play: async ({ canvasElement }) => {
    const el = library(canvasElement);
    await settle(el);
    el.openItem(mediaFile(1));
  },
};

// every third file is Erin's own; the rest are colleagues'
const teamFiles = mediaFiles(24).map((file, index) =>
  index % 3 === 0 ? { ...file, ownerId: 'erin' } : file,
);

/**
 * Signed in as an editor (Erin) with two of her own files selected: she may upload, and tag or
 * delete her own files. Selecting a colleague's file as well would take Tag and Delete away.
 */
export const Editor: Story = {
  parameters: {
    recording: {
      files: teamFiles,
      me: meAs('editor', 'erin'),
      selected: ['file_000000', 'file_000003'],
    } satisfies Recording,
  },
};

/**
 * An editor opens a colleague's file: its name and tags are read-only, but she may say where it is
 * used. The story adds a usage through the pane's own fields (answered by the recording).
 */
export const EditorDetails: Story = {
  parameters: {
    recording: { files: teamFiles, me: meAs('editor', 'erin') } satisfies Recording,
  },
  play: async ({ canvasElement }) => {
    const el = library(canvasElement);
    await settle(el);
    el.openItem(teamFiles[1]!);
    // the usage fields appear once the recorded usages have loaded
    let pane: Element | null = null;
    for (let tries = 0; !pane && tries < 40; tries += 1) {
      await settle(el);
      pane = el.shadowRoot!.querySelector('dialog.preview [part="usage-add"]');
    }
    if (!pane) return;
    pane.querySelector<HTMLInputElement>('input[name="courseId"]')!.value = 'photo-201';
    pane.querySelector<HTMLInputElement>('input[name="lessonId"]')!.value = 'lesson-4';
    pane.querySelector<HTMLButtonElement>('button')!.click();
  },
};

const queued = [upload(20, 'uploading'), upload(21, 'queued')];

/** The client's queue is at its `maxFiles` (2): the Upload button is off and the toolbar says why. */
export const UploadQueueFull: Story = {
  parameters: {
    recording: {
      files: [...queued.map(inFlight), ...mediaFiles(12)],
      uploads: queued,
      maxFiles: 2,
    } satisfies Recording,
  },
};

/** The socket is down: the library polls and says "Live updates paused". */
export const LiveUpdatesPaused: Story = {
  parameters: { recording: { files: mediaFiles(24), socketDown: true } },
};

/** Uploads exist: the header offers "Uploads (N)" to bring the panel back after it was closed. */
export const UploadsButton: Story = {
  parameters: { recording: { files: mediaFiles(24), uploads: [upload(0, 'uploading'), upload(1, 'error')] } },
};

export const Dark: Story = { args: { theme: 'dark' } };

export const RightToLeft: Story = { args: { lang: 'he', dir: 'rtl' } };

export const French: Story = { args: { lang: 'fr' } };
