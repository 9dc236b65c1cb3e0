// Wires the resume store into a client: what to persist on each change, what to restore at start,
// and how a file chosen again finds its interrupted upload. Writes go out in slices, in order (a
// later state never lands before an earlier one), so a drop of 10,000 files costs no long task;
// the changes of one slice share one IndexedDB transaction (resume-writes.ts).
import type { ResumeRecord, ResumeStore } from './resume-store.js';
import { fingerprintOf, RESUME_TTL_MS } from './resume-store.js';
import { createResumeWrites } from './resume-writes.js';
import { createSliceQueue, type SliceQueue } from './slices.js';
import type { UploadItem } from '../types.js';
import { FINAL_STATES } from './upload-machine.js';

/** The item as it should look after a reload: nothing runs, and unfinished work needs its file back. */
export function restoredItem(item: UploadItem): UploadItem {
  const base = { ...item, speed: 0, timeRemaining: null };
  if (item.status === 'queued' || item.status === 'uploading' || item.status === 'paused')
    return { ...base, status: 'paused', waitingForFile: true };
  if (item.status === 'error') return { ...base, waitingForFile: true };
  return base;
}

/** An upload that starts reloads as it was queued or paused (paused, its file asked for, its bytes):
 * no IndexedDB write for it (one per upload fewer in a batch of small files). */
function reloadsAlike(stored: UploadItem, item: UploadItem): boolean {
  return (
    item.status === 'uploading' &&
    (stored.status === 'queued' || stored.status === 'paused') &&
    stored.bytesUploaded === item.bytesUploaded &&
    Boolean(stored.waitingForFile) === Boolean(item.waitingForFile)
  );
}

export interface ResumeTracker {
  /** items restored from an earlier page load, and where their uploads are */
  restore(): Promise<{ item: UploadItem; uploadUrl: string | null }[]>;
  /** the id of a waiting item this file belongs to */
  match(file: File): string | undefined;
  added(entries: readonly { item: UploadItem; file: File }[]): void;
  /** starts keeping the record another tab wrote for an upload this tab now drives; its upload URL */
  adopt(operationId: string): Promise<string | null>;
  url(item: UploadItem, url: string): void;
  changed(item: UploadItem): void;
  forget(operationIds: readonly string[]): void;
  /** stops tracking without deleting: another tab drives these */
  drop(operationIds: readonly string[]): void;
  close(): void;
}

/** `writes`: the slice queue the records go out through (shared with the tabs' lock requests) */
export function createResumeTracker(
  store: ResumeStore,
  endpoint: string,
  writes: SliceQueue = createSliceQueue(),
): ResumeTracker {
  const records = new Map<string, ResumeRecord>();
  const waiting = new Map<string, string>(); // fingerprint -> operationId
  const out = createResumeWrites(store, writes);

  const save = (record: ResumeRecord) => {
    records.set(record.operationId, record);
    out.put([record]);
  };
  const unwait = (ids: readonly string[]) => {
    const gone = new Set(ids);
    for (const [fingerprint, id] of waiting) if (gone.has(id)) waiting.delete(fingerprint);
  };
  const remove = (ids: readonly string[]) => out.remove(ids);

  return {
    async restore() {
      const loaded = await store.load(endpoint);
      return loaded.map((record) => {
        const item = restoredItem(record.item);
        records.set(record.operationId, { ...record, item });
        if (item.waitingForFile) waiting.set(record.fingerprint, record.operationId);
        return { item, uploadUrl: record.uploadUrl };
      });
    },
    match(file) {
      if (waiting.size === 0) return undefined; // the usual case: nothing to resume, no fingerprint
      const id = waiting.get(fingerprintOf(file, endpoint));
      if (id) waiting.delete(fingerprintOf(file, endpoint));
      return id;
    },
    added(entries) {
      const expiresAt = Date.now() + RESUME_TTL_MS;
      const fresh = entries.map(({ item, file }): ResumeRecord => ({
        operationId: item.operationId,
        endpoint,
        fingerprint: fingerprintOf(file, endpoint),
        uploadUrl: null,
        item,
        expiresAt,
      }));
      for (const record of fresh) records.set(record.operationId, record);
      out.put(fresh);
    },
    async adopt(operationId) {
      // the record the driving tab kept is the latest word on this upload (its URL, its state)
      const record = await store.get(operationId);
      if (record) records.set(operationId, record);
      return record?.uploadUrl ?? null;
    },
    url(item, url) {
      const record = records.get(item.operationId);
      if (record) save({ ...record, uploadUrl: url, item });
    },
    changed(item) {
      const record = records.get(item.operationId);
      if (!record) return;
      if (FINAL_STATES.has(item.status)) {
        records.delete(item.operationId);
        remove([item.operationId]);
        return;
      }
      // not only after a reload: an upload taken over from a closed tab can wait for its file too
      if (item.waitingForFile) waiting.set(record.fingerprint, item.operationId);
      if (!reloadsAlike(record.item, item)) save({ ...record, item });
    },
    drop(ids) {
      for (const id of ids) records.delete(id);
      unwait(ids);
    },
    forget(ids) {
      for (const id of ids) records.delete(id);
      unwait(ids);
      remove(ids);
    },
    close() {
      out.close();
      records.clear();
      waiting.clear();
      store.close();
    },
  };
}
