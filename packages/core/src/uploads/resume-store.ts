// Resume after reload: each unfinished upload's tus URL, file fingerprint and item state, kept in
// IndexedDB so that choosing the same file again continues from the server's offset.
import type { UploadItem } from '../types.js';

export interface ResumeRecord {
  operationId: string;
  /** absolute REST base the upload belongs to */
  endpoint: string;
  /** name, size, type, lastModified and endpoint of the file (see fingerprintOf) */
  fingerprint: string;
  uploadUrl: string | null;
  item: UploadItem;
  /** ms since epoch; the server forgets unfinished uploads after a day by default */
  expiresAt: number;
}

export interface ResumeStore {
  /** records of this endpoint that have not expired; expired ones are deleted on the way */
  load(endpoint: string, now?: number): Promise<ResumeRecord[]>;
  get(operationId: string): Promise<ResumeRecord | undefined>;
  save(records: readonly ResumeRecord[]): Promise<void>;
  remove(operationIds: readonly string[]): Promise<void>;
  /** puts and deletes in one transaction (their ids are distinct: the caller has merged them) */
  write(records: readonly ResumeRecord[], removed: readonly string[]): Promise<void>;
  close(): void;
}

export const RESUME_TTL_MS = 24 * 60 * 60 * 1000;
const STORE = 'uploads';

export function fingerprintOf(
  file: { name: string; size: number; type: string; lastModified?: number },
  endpoint: string,
): string {
  return JSON.stringify([file.name, file.size, file.type || '', file.lastModified ?? 0, endpoint]);
}

const done = (request: IDBRequest | IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    if ('oncomplete' in request) {
      request.oncomplete = () => resolve();
      request.onabort = request.onerror = () =>
        reject(request.error ?? new Error('IndexedDB transaction failed'));
    } else {
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
    }
  });

/** null where IndexedDB is missing (Node, some private modes): resume after reload is then off. */
export function openResumeStore(name = 'mediabay-uploads'): ResumeStore | null {
  if (typeof indexedDB === 'undefined') return null;
  const opening = new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore(STORE, { keyPath: 'operationId' });
      store.createIndex('endpoint', 'endpoint');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
  });
  // a browser that refuses storage must not break uploading: persistence just stays off
  let opened: IDBDatabase | null | undefined;
  const db = opening.catch(() => null).then((database) => (opened = database));

  async function write(records: readonly ResumeRecord[], removed: readonly string[]): Promise<void> {
    if (records.length === 0 && removed.length === 0) return;
    // once open, the requests are made now, inside the caller's task (its time slice), not later;
    // transactions are made in call order, and IndexedDB runs overlapping ones in that order
    const database = opened === undefined ? await db : opened;
    if (!database) return;
    const tx = database.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    for (const record of records) store.put(record);
    for (const id of removed) store.delete(id);
    await done(tx).catch(() => {});
  }

  return {
    async load(endpoint, now = Date.now()) {
      const database = await db;
      if (!database) return [];
      const tx = database.transaction(STORE, 'readwrite');
      const request = tx.objectStore(STORE).index('endpoint').getAll(endpoint);
      await done(request);
      const records = request.result as ResumeRecord[];
      const expired = records.filter((record) => record.expiresAt <= now);
      for (const record of expired) tx.objectStore(STORE).delete(record.operationId);
      await done(tx).catch(() => {});
      return records.filter((record) => record.expiresAt > now);
    },
    async get(operationId) {
      const database = await db;
      if (!database) return undefined;
      const request = database.transaction(STORE, 'readonly').objectStore(STORE).get(operationId);
      await done(request).catch(() => {});
      return request.result as ResumeRecord | undefined;
    },
    save: (records) => write(records, []),
    remove: (ids) => write([], ids),
    write,
    close() {
      void db.then((database) => database?.close());
    },
  };
}
