// Data builders for the browser tests: complete UploadItem and MediaFile values with overrides.
// Test-only (excluded from the build); the client in tests is always the real one from core.
import type { MediaClient, UploadItem } from '@mediabay/core';
import type { MediaFile } from '@mediabay/core/protocol';

let counter = 0;

/** An operation ID in the agreed `media_upload_<ms>_<15 base36>` format. */
export function operationId(): string {
  counter += 1;
  return `media_upload_${Date.now()}_${String(counter).padStart(15, '0')}`;
}

export function uploadItem(overrides: Partial<UploadItem> = {}): UploadItem {
  return {
    operationId: operationId(),
    name: 'holiday.mp4',
    size: 20 * 1024 * 1024,
    mimeType: 'video/mp4',
    type: 'video',
    status: 'uploading',
    progress: 0,
    bytesUploaded: 0,
    timeRemaining: null,
    speed: 0,
    addedAt: Date.now() + counter,
    ...overrides,
  };
}

export function mediaFile(overrides: Partial<MediaFile> = {}): MediaFile {
  const id = overrides.id ?? `file_${(counter += 1)}`;
  return {
    id,
    name: 'clip.mp4',
    type: 'video',
    mimeType: 'video/mp4',
    size: 1024 * 1024,
    status: 'ready',
    createdAt: '2026-11-26T08:00:00.000Z',
    updatedAt: '2026-11-26T08:00:00.000Z',
    ownerId: 'demo',
    tags: [],
    contentUrl: `/api/media/${id}/content`,
    usages: [],
    operationId: operationId(),
    ...overrides,
  };
}

/** A File of `size` bytes built from one small Blob repeated (cheap even when large). */
export function testFile(name: string, type: string, size = 1024): File {
  const chunk = new Blob([new Uint8Array(Math.min(size, 64 * 1024)).fill(7)]);
  const parts: Blob[] = [];
  for (let left = size; left > 0; left -= chunk.size)
    parts.push(left >= chunk.size ? chunk : chunk.slice(0, left));
  return new File(parts, name, { type });
}

/** Waits until `check` returns a truthy value, polling each frame; fails after `timeout` ms. */
export async function until<T>(check: () => T, what: string, timeout = 8000): Promise<NonNullable<T>> {
  const deadline = performance.now() + timeout;
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** A real PNG (the server sniffs types from bytes), drawn on a canvas. */
export async function pngFile(name: string, color = '#1a73e8', size = 64): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d')!;
  context.fillStyle = color;
  context.fillRect(0, 0, size, size);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  return new File([blob!], name, { type: 'image/png' });
}

/** Animations in `root` and in every shadow root nested in it (a ShadowRoot's own getAnimations()
 * leaves out those of nested ones, such as the library's <upload-panel>). */
function composedAnimations(root: Element | ShadowRoot): Animation[] {
  const found = root instanceof ShadowRoot ? root.getAnimations() : root.getAnimations({ subtree: true });
  const hosts = root instanceof ShadowRoot ? [] : [root];
  for (const host of [...hosts, ...root.querySelectorAll('*')])
    if (host.shadowRoot) found.push(...composedAnimations(host.shadowRoot));
  return [...new Set(found)];
}

/**
 * Resolves once the finite animations in the element's composed tree are over, nested shadow roots
 * included (axe measures colours mid-fade otherwise: the panel's title at 30 ms into its fade-in has a
 * contrast of 1.7). Endless ones (spinners) never end and change no colour: they are left out. Looks
 * again after each round, for animations that began meanwhile (a panel shown by a late render).
 */
export async function settled(element: HTMLElement): Promise<void> {
  // a render queued now starts its animations by the next frame
  await new Promise((resolve) => requestAnimationFrame(resolve));
  for (;;) {
    const running = composedAnimations(element).filter(
      (animation) =>
        animation.playState !== 'finished' &&
        Number.isFinite(Number(animation.effect?.getComputedTiming().endTime ?? 0)),
    );
    if (running.length === 0) return;
    // a cancelled animation (its element hidden or removed) rejects `finished`: it is over too
    await Promise.all(running.map((animation) => animation.finished.catch(() => undefined)));
  }
}

/**
 * Uploads `count` real PNGs named `<prefix>-<n>.png` through the client and waits for the server
 * records and for the client to have seen them ready: clients of one page share their queue like tabs
 * do (BroadcastChannel), so a client made next would otherwise mirror the seeds still in flight and
 * show them in its panel, at a moment that depends on the machine's load. `kind: 'text'` seeds plain
 * text documents, which the server creates ready (no ffmpeg job): for tests about the library's own
 * behaviour, whose time would otherwise go to the server's thumbnails (16 PNGs took 48 s at a load
 * of 8 on 2 cores).
 */
export async function seedLibrary(
  client: MediaClient,
  prefix: string,
  count: number,
  kind: 'png' | 'text' = 'png',
): Promise<void> {
  const colors = ['#1a73e8', '#e8710a', '#188038', '#9334e6', '#d93025', '#f9ab00'];
  const files = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      kind === 'text'
        ? new File([`${prefix} note ${i + 1}\n`], `${prefix}-${i + 1}.txt`, { type: 'text/plain' })
        : pngFile(`${prefix}-${i + 1}.png`, colors[i % colors.length], 48 + i),
    ),
  );
  client.addFiles(files);
  const deadline = performance.now() + 20000;
  for (;;) {
    const page = await client.library.list({ q: prefix, limit: 200 });
    const ready = page.items.filter((file) => file.status === 'ready').length;
    const seeds = Object.values(client.$uploads.get()).filter((item) => item.name.startsWith(`${prefix}-`));
    if (ready >= count && seeds.every((item) => item.status === 'ready')) return;
    if (performance.now() > deadline)
      throw new Error(
        `seeding ${prefix}: ${ready} of ${count} ready, client: ${seeds.map((item) => item.status).join()}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const uniquePrefix = (name: string) =>
  `${name}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** `fetch` for a server without `/me`: every action is offered, and the server has the last word. */
export const fetchWithoutMe: typeof fetch = (input, init) =>
  String(input).endsWith('/me')
    ? Promise.resolve(new Response('{"error":{"code":"not-found","message":"No."}}', { status: 404 }))
    : fetch(input, init);

/** A drag event carrying `files`, as the browser sends when files are dragged from the desktop. */
export function drag(type: string, files: File[]): DragEvent {
  const dataTransfer = new DataTransfer();
  for (const file of files) dataTransfer.items.add(file);
  return new DragEvent(type, { dataTransfer, bubbles: true, composed: true, cancelable: true });
}
