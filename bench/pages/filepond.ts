// FilePond's bench page: one pond on a file input, processing to the server kit's multipart route
// (`POST /api/media/upload`, fields `file` and `operationId`), since FilePond does not speak tus.
import * as FilePond from 'filepond';
import { makeFiles, measure, operationId, pickedFile, untilPainted } from './harness.js';

const input = document.createElement('input');
input.type = 'file';
document.body.append(input);
const pond = FilePond.create(input, {
  allowMultiple: true,
  instantUpload: false,
  name: 'file',
  server: {
    process: {
      url: '/api/media/upload',
      ondata: (form: FormData) => {
        form.set('operationId', operationId());
        return form;
      },
    },
  },
});

window.bench = {
  async add(count) {
    const files = makeFiles(count);
    return measure(async () => {
      void pond.addFiles(files);
      await untilPainted(
        () =>
          pond.getFiles().length === count && document.querySelectorAll('.filepond--item').length === count,
      );
    });
  },
  async upload() {
    const file = pickedFile();
    await pond.removeFiles();
    const item = await pond.addFile(file);
    const start = performance.now();
    await pond.processFile(item);
    return performance.now() - start;
  },
};
