// Browser test support: files built the way TOOLCHAIN.md says large test Blobs must be (references
// to one small Blob), a spy on what XHR really sends, a waiter, and a clean resume store.
import { openResumeStore } from '../uploads/resume-store.js';
import { waitFor as waitUntil } from './wait.js';

/** A File of `size` bytes made from references to one 1 MiB block (cheap even at hundreds of MiB). */
export function makeFile(size: number, name = 'clip.bin', type = 'application/octet-stream'): File {
  const block = new Uint8Array(1024 * 1024);
  for (let i = 0; i < block.length; i++) block[i] = (i * 7 + (i >> 8)) & 0xff;
  const blob = new Blob([block]);
  const parts: Blob[] = [];
  for (let left = size; left > 0; left -= blob.size)
    parts.push(left >= blob.size ? blob : blob.slice(0, left));
  return new File(parts, name, { type, lastModified: 1_700_000_000_000 + size });
}

export interface SentBody {
  method: string;
  url: string;
  body: unknown;
}

/** Records the body of every XHR send (the real request still goes out). */
export function spyOnXhr(): { sent: SentBody[]; restore(): void } {
  const sent: SentBody[] = [];
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  const meta = new WeakMap<XMLHttpRequest, { method: string; url: string }>();
  XMLHttpRequest.prototype.open = function (
    this: XMLHttpRequest,
    method: string,
    url: string | URL,
    ...rest: unknown[]
  ) {
    meta.set(this, { method, url: String(url) });
    return (open as (...args: unknown[]) => void).call(this, method, url, ...rest);
  } as typeof open;
  XMLHttpRequest.prototype.send = function (
    this: XMLHttpRequest,
    body?: Document | XMLHttpRequestBodyInit | null,
  ) {
    const info = meta.get(this);
    sent.push({ method: info?.method ?? '', url: info?.url ?? '', body });
    return send.call(this, body);
  };
  return {
    sent,
    restore() {
      XMLHttpRequest.prototype.open = open;
      XMLHttpRequest.prototype.send = send;
    },
  };
}

/** waitFor with the browser tests' longer default (20 s: uploads through a real server) */
export const waitFor = <T>(check: () => T | undefined | false, timeoutMs = 20_000, what = 'condition') =>
  waitUntil(check, timeoutMs, what);

/** Empties the resume store (IndexedDB) of `endpoint`: what earlier tests left must not be restored. */
export async function clearResumeStore(endpoint: string): Promise<void> {
  const store = openResumeStore()!;
  const records = await store.load(new URL(endpoint, location.href).href);
  await store.remove(records.map((record) => record.operationId));
  store.close();
}

export async function sha256(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The bytes the server kit stores for a library file (its content route). */
export async function storedContent(endpoint: string, fileId: string): Promise<Blob> {
  return (await fetch(`${endpoint}/${fileId}/content`)).blob();
}

/** A tus HEAD of an upload URL: the answer's status and the offset the server holds. */
export async function tusHead(uploadUrl: string): Promise<{ status: number; offset: number }> {
  const head = await fetch(uploadUrl, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
  return { status: head.status, offset: Number(head.headers.get('Upload-Offset')) };
}
