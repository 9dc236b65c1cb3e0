// FormData transport: one multipart POST to `${endpoint}/upload` with XHR upload progress, for small
// files and servers without tus. Not resumable: pause aborts, and resume sends the file again.
import { absoluteUrl } from './tus.js';
import { messageFor } from '../uploads/upload-errors.js';
import { httpError, networkError, type Transport } from './transport.js';

export const formTransport: Transport = (options, callbacks) => {
  let xhr: XMLHttpRequest | null = null;

  function start(): void {
    const request = new XMLHttpRequest();
    xhr = request;
    request.open('POST', absoluteUrl(`${options.endpoint}/upload`));
    request.withCredentials = options.credentials === 'include';
    for (const [name, value] of Object.entries(options.headers())) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => callbacks.onProgress(event.loaded, options.file.size);
    request.onload = () => {
      if (xhr !== request) return;
      xhr = null;
      if (request.status < 200 || request.status >= 300) {
        callbacks.onError(
          request.status === 0
            ? networkError()
            : httpError(request.status, request.responseText, request.getResponseHeader('Retry-After')),
        );
        return;
      }
      let body: { success?: boolean; fileId?: string; error?: string } = {};
      try {
        body = JSON.parse(request.responseText) as typeof body;
      } catch {
        // a 2xx without a JSON body still means the bytes arrived
      }
      if (body.success === false) {
        callbacks.onError({
          code: 'rejected',
          message: body.error ?? messageFor('rejected'),
          retryable: false,
          status: request.status,
          ...(body.error ? { fromServer: true } : {}),
        });
        return;
      }
      callbacks.onProgress(options.file.size, options.file.size);
      callbacks.onSuccess(body.fileId ? { fileId: body.fileId } : {});
    };
    request.onerror = () => {
      if (xhr !== request) return;
      xhr = null;
      callbacks.onError(networkError());
    };
    const form = new FormData();
    form.append('operationId', options.operationId);
    if (options.replaceFileId) form.append('replaceFileId', options.replaceFileId); // before the file
    form.append('file', options.file, options.file.name ?? 'file');
    request.send(form);
  }

  function stop(): Promise<void> {
    const request = xhr;
    xhr = null;
    request?.abort();
    return Promise.resolve();
  }

  return { start, pause: stop, abort: stop, url: null };
};
