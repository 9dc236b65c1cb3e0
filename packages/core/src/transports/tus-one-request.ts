// A small file's tus upload in the one request that creates it (creation-with-upload), sent by one
// XHR of ours instead of tus-js-client: in a batch of 100 KiB files tus-js-client's own work around
// that request (options, promises, URL parsing) cost the page ~0.5 ms per upload, as much as the
// rest of the client's. The request is the one tus-js-client sends (same headers, metadata, body);
// anything past it (a server that kept part of the body, a resume) is tus-js-client's (tus.ts).
import { FILE_ID_HEADER, TUS_METADATA } from '../protocol.js';
import { httpError, networkError, type TransportError, type TransportStartOptions } from './transport.js';

/** tus `Upload-Metadata` of an upload (what tus-js-client is given in tus.ts) */
export function tusMetadata(options: TransportStartOptions): Record<string, string> {
  const { file } = options;
  return {
    [TUS_METADATA.filename]: file.name ?? 'file',
    [TUS_METADATA.filetype]: file.type || 'application/octet-stream',
    [TUS_METADATA.operationId]: options.operationId,
    ...(options.replaceFileId ? { [TUS_METADATA.replaceFileId]: options.replaceFileId } : {}),
  };
}

const ASCII = /^[\x20-\x7e]*$/;

/** a string's UTF-8 bytes as a binary string (what btoa takes) */
function utf8Binary(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return binary;
}

/** `key base64(value)` pairs, values as UTF-8 (tus 1.0, as tus-js-client writes them) */
export function encodeMetadata(metadata: Record<string, string>): string {
  return Object.entries(metadata)
    .map(([key, value]) => `${key} ${btoa(ASCII.test(value) ? value : utf8Binary(value))}`)
    .join(',');
}

/** what the creating request's answer said */
export type CreationAnswer =
  /** every byte is stored */
  | { stored: true; url: string; fileId?: string }
  /** the upload exists and holds part of the file: the rest goes by PATCH from its offset */
  | { stored: false; url: string };

export interface OneRequestHandlers {
  onProgress(sent: number): void;
  onAnswer(answer: CreationAnswer): void;
  onError(error: TransportError): void;
}

/** Reads a 2xx answer to the creating POST as tus-js-client would (Location, Upload-Offset). */
export function creationAnswer(
  xhr: XMLHttpRequest,
  endpoint: string,
  size: number,
): CreationAnswer | TransportError {
  const failed = () => httpError(xhr.status, xhr.responseText, xhr.getResponseHeader('Retry-After'));
  if (xhr.status < 200 || xhr.status >= 300) return failed();
  const location = xhr.getResponseHeader('Location');
  const offset = Number.parseInt(xhr.getResponseHeader('Upload-Offset') ?? '', 10);
  if (!location || Number.isNaN(offset)) return failed();
  const url = new URL(location, endpoint).href;
  if (offset !== size) return { stored: false, url };
  const fileId = xhr.getResponseHeader(FILE_ID_HEADER);
  return { stored: true, url, ...(fileId ? { fileId } : {}) };
}

/** Sends the whole file in the POST that creates its upload; returns what stops it. Browsers only. */
export function sendWithCreation(
  options: TransportStartOptions,
  endpoint: string,
  handlers: OneRequestHandlers,
): () => void {
  const { file } = options;
  const xhr = new XMLHttpRequest();
  let open = true;
  const settle = (fn: () => void) => {
    if (!open) return;
    open = false;
    fn();
  };
  xhr.open('POST', endpoint);
  if (options.credentials === 'include') xhr.withCredentials = true;
  xhr.setRequestHeader('Tus-Resumable', '1.0.0');
  xhr.setRequestHeader('Upload-Length', String(file.size));
  xhr.setRequestHeader('Upload-Metadata', encodeMetadata(tusMetadata(options)));
  xhr.setRequestHeader('Content-Type', 'application/offset+octet-stream');
  for (const [name, value] of Object.entries(options.headers())) xhr.setRequestHeader(name, value);
  xhr.upload.onprogress = (event) => {
    if (open) handlers.onProgress(event.loaded);
  };
  xhr.onload = () =>
    settle(() => {
      const answer = creationAnswer(xhr, endpoint, file.size);
      if ('code' in answer) handlers.onError(answer);
      else handlers.onAnswer(answer);
    });
  xhr.onerror = () => settle(() => handlers.onError(networkError()));
  xhr.send(file);
  return () => settle(() => xhr.abort());
}
