// What the scenarios share: selectors into the elements' public surface, polling waits, and the
// server's own view of the library (REST and tus HEAD), so tests check outcomes where they are stored.
import type { Locator, Page } from 'playwright-core';
import type { ListResponse, MediaFile } from '@mediabay/core/protocol';

// Playwright's CSS engine pierces open shadow roots, so these reach inside the elements.
export const PANEL_ROW = 'upload-panel [data-operation-id][data-status]';
export const LIBRARY_ITEM = 'media-library [part~="item"][data-id]';
export const FILE_INPUT = 'upload-dropzone input[type="file"]';
export const CONFIRM_DIALOG = 'media-library dialog[part~="confirm-dialog"]';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a truthy value; the failure names what was awaited and the last value. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T> | T,
  timeout = 15_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const last = await check();
    if (last) return last as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
    await sleep(100);
  }
}

export const waitForCount = (locator: Locator, count: number, timeout = 15_000) =>
  waitFor(`${count} of ${locator}`, async () => (await locator.count()) === count, timeout);

/**
 * Waits until the library's list is the virtualizer: until then the first screen draws the items
 * (clicks work there) and says `aria-busy`; geometry and drags need the list that stays.
 */
export const waitForVirtualList = (page: Page) =>
  waitForCount(page.locator('media-library lit-virtualizer[role="listbox"]:not([aria-busy="true"])'), 1);

export const itemByName = (page: Page, name: string) => page.locator(`${LIBRARY_ITEM}[data-name="${name}"]`);

export const rowByName = (page: Page, name: string) =>
  page.locator(PANEL_ROW).filter({ has: page.locator(`[part="row-name"]:text-is("${name}")`) });

export async function listFiles(baseUrl: string): Promise<MediaFile[]> {
  const response = await fetch(new URL('api/media?limit=200', baseUrl));
  if (!response.ok) throw new Error(`GET /api/media answered ${response.status}`);
  return ((await response.json()) as ListResponse).items;
}

/** Puts a file in the library through the multipart route, as another client would. */
export async function uploadThroughApi(
  baseUrl: string,
  name: string,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<MediaFile> {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(15)), (b) => (b % 36).toString(36)).join(
    '',
  );
  const form = new FormData();
  form.set('operationId', `media_upload_${Date.now()}_${random}`);
  form.set('file', new Blob([bytes], { type: 'text/plain' }), name);
  const response = await fetch(new URL('api/media/upload', baseUrl), { method: 'POST', body: form });
  const answer = (await response.json()) as { success: boolean; fileId?: string };
  if (!answer.success || !answer.fileId)
    throw new Error(`upload of ${name} failed: ${JSON.stringify(answer)}`);
  return waitFor(`${name} ready on the server`, async () =>
    (await listFiles(baseUrl)).find((file) => file.id === answer.fileId && file.status === 'ready'),
  );
}

/** The server's `Upload-Offset` for a tus upload, as a client resuming it would ask. */
export async function tusOffset(uploadUrl: string): Promise<number> {
  const response = await fetch(uploadUrl, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
  if (!response.ok) throw new Error(`HEAD ${uploadUrl} answered ${response.status}`);
  return Number(response.headers.get('upload-offset'));
}
