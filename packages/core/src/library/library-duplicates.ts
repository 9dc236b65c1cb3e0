// Duplicate detection against the library, as Drive does it: a file whose name and size match a file
// already there. One search per distinct name (`q` by name), exact matches only.
import type { ListParams, ListResponse, MediaFile } from '../protocol.js';

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

/**
 * The same question asked of the lists this client already holds (no request): for each file, a
 * listed library file (not in the trash) with its name and size. What a page can answer at once.
 */
export function cachedDuplicates(
  lists: readonly (ListResponse | undefined)[],
  files: readonly File[],
): (MediaFile | undefined)[] {
  const known = new Map<string, MediaFile>();
  for (const list of lists)
    for (const file of list?.items ?? [])
      if (file.id !== file.operationId && file.trashedAt === undefined)
        known.set(`${file.name}\u0000${file.size}`, file);
  return files.map((file) => known.get(`${file.name}\u0000${file.size}`));
}
