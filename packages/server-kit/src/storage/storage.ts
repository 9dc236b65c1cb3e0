// Where the bytes live. tus writes through `tusStore`; everything else reads and removes by key.
import type { Readable } from 'node:stream';
import type { DataStore } from '@tus/server';

export interface ByteRange {
  start: number;
  /** inclusive */
  end: number;
}

export interface MediaStorage {
  /** The tus datastore that receives uploads; a finished upload's id is its storage key. */
  readonly tusStore: DataStore;
  /** Reads stored bytes (optionally a range); errors surface on the stream. */
  read(key: string, range?: ByteRange): Readable;
  size(key: string): Promise<number>;
  /** A path on local disk that ffprobe/ffmpeg can open (remote stores download to a temp file). */
  localPath(key: string): Promise<string>;
  /** Stores bytes under a new key (thumbnails, multipart uploads). */
  write(key: string, source: Readable): Promise<number>;
  remove(key: string): Promise<void>;
  /** Removes incomplete uploads older than the expiry; returns how many. */
  removeExpired(): Promise<number>;
}
