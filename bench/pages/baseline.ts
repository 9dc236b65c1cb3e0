// The ceiling: one XMLHttpRequest carrying the picked File as its body (tus creation-with-upload),
// no library at all. What "uploads at disk speed" is measured against. Diagnostic variants (the
// page's query): `?two` creates the upload first and sends the File in a PATCH (what tus clients do
// for a large file); `?progress` listens to the upload's progress events (what every widget does);
// `?endpoint=url` sends it elsewhere (a bare @tus/server on another port).
import { operationId, pickedFile } from './harness.js';

const b64 = (value: string) => btoa(String.fromCharCode(...new TextEncoder().encode(value)));
const query = new URLSearchParams(location.search);
const endpoint = query.get('endpoint') ?? '/api/media/uploads';

function request(method: string, url: string, headers: Record<string, string>, body: Blob | null) {
  return new Promise<XMLHttpRequest>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    if (query.has('progress')) xhr.upload.onprogress = () => undefined;
    xhr.onload = () =>
      xhr.status < 300 ? resolve(xhr) : reject(new Error(`${method}: status ${xhr.status}`));
    xhr.onerror = () => reject(new Error('network error'));
    xhr.send(body);
  });
}

window.bench = {
  add() {
    return Promise.reject(new Error('the baseline page has no widget'));
  },
  async upload() {
    const file = pickedFile();
    const start = performance.now();
    const creation = {
      'Tus-Resumable': '1.0.0',
      'Upload-Length': String(file.size),
      'Upload-Metadata': `filename ${b64(file.name)},filetype ${b64('application/octet-stream')},operationId ${b64(operationId())}`,
    };
    const body = { 'Content-Type': 'application/offset+octet-stream' };
    if (query.has('two')) {
      const created = await request('POST', endpoint, creation, null);
      const url = new URL(created.getResponseHeader('Location')!, new URL(endpoint, location.href)).href;
      await request('PATCH', url, { 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0', ...body }, file);
    } else await request('POST', endpoint, { ...creation, ...body }, file);
    return performance.now() - start;
  },
};
