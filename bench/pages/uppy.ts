// Uppy's bench page: core + Dashboard (inline) + Tus against the same server kit, configured as its
// docs show; Mediabay's tus metadata (filename, filetype, operationId) is sent as file meta.
import Uppy from '@uppy/core';
import Dashboard from '@uppy/dashboard';
import Tus from '@uppy/tus';
import {
  makeFiles,
  measure,
  operationId,
  pickedFile,
  prepareBatch,
  takeBatch,
  untilPainted,
} from './harness.js';

const target = document.createElement('div');
document.body.append(target);
const uppy = new Uppy({ autoProceed: false })
  .use(Dashboard, { inline: true, target, height: 800, width: '100%' })
  .use(Tus, { endpoint: '/api/media/uploads', removeFingerprintOnSuccess: true });

window.bench = {
  async add(count) {
    const files = makeFiles(count).map((data) => ({
      name: data.name,
      type: data.type,
      data,
      source: 'Local',
    }));
    return measure(async () => {
      uppy.addFiles(files);
      await untilPainted(
        () => uppy.getFiles().length === count && document.querySelector('.uppy-Dashboard-Item') !== null,
      );
    });
  },
  prepareBatch,
  async uploadBatch() {
    const files = takeBatch().map((data) => ({
      name: data.name,
      type: data.type,
      data,
      source: 'Local',
      // the server kit's names for them (Uppy sends every meta field); it mints the operation ids
      meta: { filename: data.name, filetype: data.type },
    }));
    const start = performance.now();
    uppy.addFiles(files);
    const result = await uppy.upload();
    if (!result || (result.failed?.length ?? 0) > 0 || result.successful?.length !== files.length)
      throw new Error('uppy upload failed');
    return performance.now() - start;
  },
  async upload() {
    const file = pickedFile();
    uppy.cancelAll();
    uppy.addFile({
      name: file.name,
      type: file.type,
      data: file,
      source: 'Local',
      meta: {
        filename: file.name,
        filetype: file.type || 'application/octet-stream',
        operationId: operationId(),
      },
    });
    const start = performance.now();
    const result = await uppy.upload();
    if (!result || (result.failed?.length ?? 0) > 0) throw new Error('uppy upload failed');
    return performance.now() - start;
  },
};
