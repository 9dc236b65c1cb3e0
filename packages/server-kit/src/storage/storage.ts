// Where the bytes live. tus writes through `tusStore`; everything else reads and removes by key.
import type { Readable } from 'node:stream';
import type { DataStore } from '@tus/server';
import type { KvStore, Upload } from '@tus/utils';

export interface ByteRange {
  start: number;
  /** inclusive */
  end: number;
}

export interface LocalCopy {
  path: string;
  release(): Promise<void>;
}

export interface MediaStorage {
  /** The tus datastore that receives uploads; a finished upload's id is its storage key. */
  readonly tusStore: DataStore;
  /**
   * Optional: the tus store takes each upload's info (size, metadata, creation date) from `infos`
   * (the kit's upload rows, which it writes anyway) instead of keeping its own copy per upload.
   */
  bindUploadInfos?(infos: KvStore<Upload>): void;
  /** Reads stored bytes (optionally a range); errors surface on the stream. */
  read(key: string, range?: ByteRange): Readable;
  size(key: string): Promise<number>;
  /**
   * A file on local disk that ffprobe/ffmpeg can open: the stored file itself, or for a remote store a
   * temporary copy that `release()` removes.
   */
  localCopy(key: string): Promise<LocalCopy>;
  /** Stores bytes under a new key (thumbnails, multipart uploads). */
  write(key: string, source: Readable): Promise<number>;
  remove(key: string): Promise<void>;
  /** Removes incomplete uploads older than the expiry; returns how many. */
  removeExpired(): Promise<number>;
  /**
   * Removes what writes cut off by a crash left behind, and bytes (form uploads `media/…`, tus
   * uploads `uploads/…` older than the expiry) that nothing uses (`inUse`: the keys the database
   * knows, files' and unfinished uploads'); called once at start, before any write. Returns how
   * many. Optional: a store whose writes are atomic has nothing to sweep.
   */
  sweepPartial?(inUse: ReadonlySet<string>): Promise<number>;
  /** Releases connections; the kit calls it from close(). */
  close?(): Promise<void>;
}
