// Lays templates out once, unseen, and drops them: what an element does on idle so that its first real
// render costs less in the task that shows it (issue 21). lit parses each template once per page, the
// browser compiles the code on its first run, and each font size and weight it meets for the first
// time costs a call to the browser process (Linux: the font's render style), which a busy machine
// turned into a first layout of 50-220 ms in the middle of an upload's start.
import { render } from 'lit';
import type { UploadItem } from '@mediabay/core';

/** the upload the rehearsals render (uploading, with a size, a percent and time left) */
export const SAMPLE_UPLOAD: Readonly<UploadItem> = {
  operationId: 'sample',
  name: 'sample',
  size: 2,
  mimeType: 'video/mp4',
  type: 'video',
  status: 'uploading',
  progress: 50,
  bytesUploaded: 1,
  timeRemaining: 1,
  speed: 1,
  addedAt: 0,
};

/**
 * Renders each template into a box of no height in `root` (an element's shadow root, so its styles
 * apply), that nobody sees, hears or clicks, lays them out and removes them (their directives let go
 * of observers and listeners).
 */
export function layOutUnseen(root: Node, ...templates: unknown[]): void {
  const stage = document.createElement('div');
  stage.setAttribute('aria-hidden', 'true');
  stage.style.cssText = 'position:fixed;visibility:hidden;pointer-events:none;contain:strict;height:0';
  root.appendChild(stage);
  const parts = templates.map((template) =>
    render(template, stage.appendChild(document.createElement('div'))),
  );
  // A read lays everything out (it is idle time), but not the content of a box with
  // `content-visibility: auto` (a panel row): before the frame that finds it on screen, only a read
  // inside it does. So each template's deepest last element is read.
  for (const box of stage.children) {
    let leaf: Element = box;
    while (leaf.lastElementChild) leaf = leaf.lastElementChild;
    leaf.getBoundingClientRect();
  }
  for (const part of parts) part.setConnected(false);
  stage.remove();
}
