// The local disk's tus datastore: @tus/file-store's layout (the bytes at `uploads/<id>`, the offset is
// the file's size, so a HEAD after a kill -9 answers what reached the disk), with less file work per
// upload. The upload's info (size, metadata, creation date) comes from `infos`: the kit binds the
// upload rows it writes anyway (tus/upload-info.ts), so no `<id>.json` is written or read per upload;
// unbound, the info files are kept as @tus/file-store keeps them. No mkdir per creation (the folder is
// made once), and a creation-with-upload writes through the descriptor its creation opened.
import { type FileHandle, open, rm, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import { diskRoom, type DiskRoom } from './disk-room.js';
import { ERRORS, FileKvStore, isPathInsideDirectory, type KvStore, type Upload } from '@tus/utils';

const INFO_SUFFIX = '.json';

export class LocalTusStore extends FileStore {
  /** the info files of uploads made before the store was bound (or of an unbound store) */
  private readonly legacy: FileKvStore<Upload>;
  private infos?: KvStore<Upload>;
  /** descriptors opened by a creation, for the write that usually follows in the same request */
  private readonly fresh = new Map<string, FileHandle>();
  /** a creation the disk has no room for is refused before any byte is sent */
  private readonly room: DiskRoom;

  constructor(options: { directory: string; expirationPeriodInMilliseconds: number }) {
    const legacy = new FileKvStore<Upload>(options.directory);
    super({ ...options, configstore: legacy });
    this.legacy = legacy;
    this.room = diskRoom(options.directory);
    // what @tus/file-store's getUpload reads (the offset is the file's size)
    this.configstore = {
      get: (id) => this.info(id),
      set: (id, upload) => this.setInfo(id, upload),
      delete: async () => undefined, // remove() takes an info file with the bytes
    };
  }

  /** From now on, uploads' info is `infos`' (an info file of an older upload is still read). */
  bindInfos(infos: KvStore<Upload>): void {
    this.infos = infos;
  }

  private path(id: string): string {
    const file = path.join(this.directory, id);
    if (!isPathInsideDirectory(this.directory, file)) throw ERRORS.FILE_NOT_FOUND;
    return file;
  }

  private async info(id: string): Promise<Upload | undefined> {
    if (!this.infos) return this.legacy.get(id);
    const info = await this.infos.get(id);
    // a row from before the binding has no metadata of its own: its info file has it
    if (info && info.metadata === undefined) info.metadata = (await this.legacy.get(id))?.metadata;
    return info;
  }

  private setInfo(id: string, upload: Upload): Promise<void> {
    return (this.infos ?? this.legacy).set(id, upload);
  }

  override async create(upload: Upload): Promise<Upload> {
    const file = this.path(upload.id);
    await this.room.assertRoom();
    const handle = await open(file, 'wx').catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      await mkdir(this.directory, { recursive: true }); // the folder went away since start
      return open(file, 'wx');
    });
    try {
      await this.setInfo(upload.id, upload);
    } catch (error) {
      await handle.close();
      await rm(file, { force: true });
      throw error;
    }
    this.fresh.set(upload.id, handle);
    // no write in this request (a creation without a body): let the descriptor go
    setImmediate(() => this.release(upload.id));
    upload.storage = { type: 'file', path: file };
    return upload;
  }

  private release(id: string): void {
    const handle = this.fresh.get(id);
    this.fresh.delete(id);
    void handle?.close().catch(() => undefined);
  }

  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    const kept = this.fresh.get(id);
    this.fresh.delete(id);
    const handle = kept ?? (await open(this.path(id), 'r+'));
    const sink = handle.createWriteStream({ start: offset }); // closes the descriptor when done
    try {
      await pipeline(readable, sink);
    } catch (error) {
      this.room.wrote(sink.bytesWritten, error);
      throw error;
    }
    this.room.wrote(sink.bytesWritten);
    return offset + sink.bytesWritten;
  }

  override async remove(id: string): Promise<void> {
    this.release(id);
    try {
      await rm(this.path(id));
    } catch {
      throw ERRORS.FILE_NOT_FOUND;
    }
    await rm(`${this.path(id)}${INFO_SUFFIX}`, { force: true });
  }

  override async declareUploadLength(id: string, length: number): Promise<void> {
    const upload = await this.info(id);
    if (!upload) throw ERRORS.FILE_NOT_FOUND;
    upload.size = length;
    await this.setInfo(id, upload);
  }

  /**
   * Info files (@tus/file-store's, or of uploads from before the binding) of unfinished uploads past
   * the expiry that no row knows go with their bytes; a bound store's rows expire by themselves
   * (tus/expiry.ts removes the bytes and the info file). Bytes that are complete are never removed
   * here: they may be a library file. (@tus/file-store's own sweep took every upload whose info file
   * said offset 0, which is every one: it removed finished files' bytes a day after their upload.)
   */
  override async deleteExpired(): Promise<number> {
    const names = await readdir(this.directory).catch((): string[] => []);
    const cutoff = Date.now() - this.getExpiration();
    let removed = 0;
    for (const name of names.filter((n) => n.endsWith(INFO_SUFFIX))) {
      const id = name.slice(0, -INFO_SUFFIX.length);
      if (this.infos && (await this.infos.get(id))) continue;
      const info = await this.legacy.get(id);
      const bytes = await stat(this.path(id)).catch(() => undefined);
      if (bytes !== undefined && bytes.size === info?.size) continue;
      if (this.getExpiration() > 0 && !(Date.parse(info?.creation_date ?? '') > cutoff)) {
        await rm(this.path(id), { force: true });
        await rm(path.join(this.directory, name), { force: true });
        removed += 1;
      }
    }
    return removed;
  }
}
