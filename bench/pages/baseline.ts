// The ceiling: one XMLHttpRequest carrying the picked File as its body (tus creation-with-upload),
// no library at all. What "uploads at disk speed" is measured against.
import { operationId, pickedFile } from './harness.js';

const b64 = (value: string) => btoa(String.fromCharCode(...new TextEncoder().encode(value)));

window.bench = {
  add() {
    return Promise.reject(new Error('the baseline page has no widget'));
  },
  upload() {
    const file = pickedFile();
    const start = performance.now();
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/media/uploads');
      xhr.setRequestHeader('Tus-Resumable', '1.0.0');
      xhr.setRequestHeader('Upload-Length', String(file.size));
      xhr.setRequestHeader('Content-Type', 'application/offset+octet-stream');
      xhr.setRequestHeader(
        'Upload-Metadata',
        `filename ${b64(file.name)},filetype ${b64('application/octet-stream')},operationId ${b64(operationId())}`,
      );
      xhr.onload = () =>
        xhr.status === 201 ? resolve(performance.now() - start) : reject(new Error(`status ${xhr.status}`));
      xhr.onerror = () => reject(new Error('network error'));
      xhr.send(file);
    });
  },
};
