// Duplicate detection against the library, as Drive does it: a file whose name and size match a file
// already there. One search per distinct name (`q` by name), exact matches only.
import type { ListParams, ListResponse, MediaFile } from './protocol.js';

/** For each file, the library file it duplicates, if any (same order as `files`). */
export async function findDuplicates(
  list: (params: ListParams) => Promise<ListResponse>,
  files: readonly File[],
): Promise<(MediaFile | undefined)[]> {
  const byName = new Map<string, Promise<MediaFile[]>>();
  const candidates = (name: string): Promise<MediaFile[]> => {
    let found = byName.get(name);
    if (!found) {
      found = list({ q: name, limit: 200 }).then(
        (page) => page.items.filter((file) => file.name === name && file.id !== file.operationId),
        () => [], // no answer: nothing to warn about, the upload goes on as usual
      );
      byName.set(name, found);
    }
    return found;
  };
  return Promise.all(
    files.map(async (file) => (await candidates(file.name)).find((match) => match.size === file.size)),
  );
}
