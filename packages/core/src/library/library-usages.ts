// Usage changes (PUT / DELETE /:id/usages), optimistic. While changes of a file's usages are in
// flight, every server version of that file that reaches the cache (a socket event, a refetch, the
// answer of another edit) gets them laid over it: an event sent after one change was written but
// before another was cannot take the other's usage away for a moment. After overlapping changes
// (whose answers come in any order) the file is read again once the last one is done. The changes
// stay laid over until the socket events heard by then are applied: each change's event left the
// server before its answer, and may still be waiting for the frame with an older list.
import type { JsonFetcher } from '../http.js';
import type { MediaFile, Usage } from '../protocol.js';
import { patchFile } from './library-cache.js';
import type { PageEditor } from './library-pages.js';

interface Change {
  usage: Usage;
  /** present (PUT) or absent (DELETE) */
  want: boolean;
}

interface FileChanges {
  changes: Change[];
  running: number;
  overlapped: boolean;
}

export interface UsageChanges {
  change(id: string, usage: Usage, method: 'PUT' | 'DELETE'): Promise<Usage[]>;
  /** `file` with the usage changes in flight for it laid over (the same object when there are none) */
  overlay(file: MediaFile): MediaFile;
}

const same = (a: Usage, b: Usage) => a.courseId === b.courseId && (a.lessonId ?? '') === (b.lessonId ?? '');

function withChange(usages: readonly Usage[], change: Change): Usage[] {
  const others = usages.filter((u) => !same(u, change.usage));
  return change.want ? [...others, change.usage] : others;
}

export function createUsageChanges(deps: {
  fetcher: JsonFetcher;
  pages: PageEditor;
  /** reads the file again and puts it in every list (through `overlay`) */
  refresh(id: string): Promise<void>;
  /** runs `fn` once the socket events heard so far are in the cache */
  afterHeardEvents(fn: () => void): void;
}): UsageChanges {
  const { pages } = deps;
  const inFlight = new Map<string, FileChanges>();

  const show = (id: string, change: Change) =>
    pages.editPages((page) => {
      const file = page.items.find((item) => item.id === id);
      return file ? patchFile(page, id, { usages: withChange(file.usages, change) }) : page;
    });

  function finish(id: string, entry: FileChanges, usages: Usage[] | undefined): void {
    entry.running -= 1;
    if (entry.running > 0) return;
    const done = () =>
      deps.afterHeardEvents(() => {
        if (inFlight.get(id) === entry && entry.running === 0) inFlight.delete(id);
      });
    if (!entry.overlapped) {
      if (usages) pages.editPages((page) => patchFile(page, id, { usages }));
      done();
      return;
    }
    // a failed read leaves the optimistic list; the next event or list fetch corrects it
    void deps
      .refresh(id)
      .catch(() => undefined)
      .finally(done);
  }

  async function change(id: string, usage: Usage, method: 'PUT' | 'DELETE'): Promise<Usage[]> {
    const had = pages.cachedFiles([id])[0]?.usages.some((u) => same(u, usage));
    const entry = inFlight.get(id) ?? { changes: [], running: 0, overlapped: false };
    inFlight.set(id, entry);
    const mine: Change = { usage, want: method === 'PUT' };
    entry.changes.push(mine);
    entry.running += 1;
    if (entry.running > 1) entry.overlapped = true;
    show(id, mine);
    try {
      const body = await deps.fetcher<{ usages: Usage[] }>(`/${encodeURIComponent(id)}/usages`, {
        method,
        body: JSON.stringify(usage),
      });
      finish(id, entry, body.usages);
      return body.usages;
    } catch (error) {
      entry.changes.splice(entry.changes.indexOf(mine), 1);
      if (had !== undefined) show(id, { usage, want: had });
      finish(id, entry, undefined);
      throw error;
    }
  }

  function overlay(file: MediaFile): MediaFile {
    const entry = inFlight.get(file.id);
    if (!entry || entry.changes.length === 0) return file;
    return { ...file, usages: entry.changes.reduce(withChange, file.usages) };
  }

  return { change, overlay };
}
