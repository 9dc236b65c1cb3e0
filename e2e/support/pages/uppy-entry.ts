// Browser entry bundled by e2e/support/bundle-page.ts: stock Uppy 6 with @uppy/tus, as a team that
// already uses Uppy would point it at our server. Exposes one function the test calls in the page.
import Uppy from '@uppy/core';
import Tus from '@uppy/tus';

export interface UppyRun {
  successful: string[];
  failed: { name: string; error: string }[];
}

declare global {
  interface Window {
    uploadWithUppy(
      endpoint: string,
      files: { name: string; size: number }[],
      meta?: Record<string, string>,
    ): Promise<UppyRun>;
  }
}

/** `size` bytes that differ per file (a name's char codes repeated) */
function bytesFor(name: string, size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (name.charCodeAt(i % name.length) + i) & 0xff;
  return bytes;
}

window.uploadWithUppy = async (endpoint, files, meta) => {
  // 409 is an answer tus-js-client would try again: once is enough to see it
  const uppy = new Uppy({ autoProceed: false }).use(Tus, { endpoint, chunkSize: 64 * 1024, retryDelays: [] });
  if (meta) uppy.setMeta(meta);
  for (const { name, size } of files)
    uppy.addFile({ name, type: 'application/octet-stream', data: new Blob([bytesFor(name, size)]) });
  const result = await uppy.upload();
  return {
    successful: (result?.successful ?? []).map((file) => file.name ?? ''),
    failed: (result?.failed ?? []).map((file) => ({
      name: file.name ?? '',
      error: String(file.error ?? ''),
    })),
  };
};
