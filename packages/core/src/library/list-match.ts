// Whether a file belongs in a list (its filters) and where (its order), as the server decides both:
// pure, and apart from the cache's edits so that the public API names them without the cache.
import type { ListParams, MediaFile } from '../protocol.js';

/** `q` as the server reads it: part of the name or of a tag. */
const matchesQuery = (file: MediaFile, q: string): boolean =>
  file.name.toLowerCase().includes(q) || file.tags.some((tag) => tag.includes(q));

export function matchesParams(file: MediaFile, params: ListParams): boolean {
  if ((params.trashed === true) !== (file.trashedAt !== undefined)) return false;
  if (params.type && file.type !== params.type) return false;
  if (params.q && !matchesQuery(file, params.q.trim().toLowerCase())) return false;
  if (params.tag && !file.tags.includes(params.tag)) return false;
  if (params.courseId && !file.usages.some((usage) => usage.courseId === params.courseId)) return false;
  return true;
}

/** The server's default order is newest first. */
export function compareFiles(a: MediaFile, b: MediaFile, params: ListParams): number {
  const sort = params.sort ?? 'createdAt';
  const direction = (params.order ?? (sort === 'createdAt' ? 'desc' : 'asc')) === 'desc' ? -1 : 1;
  let result: number;
  if (sort === 'size') result = a.size - b.size;
  else if (sort === 'name') result = a.name.localeCompare(b.name);
  else if (sort === 'type') result = a.type.localeCompare(b.type);
  else result = a.createdAt.localeCompare(b.createdAt);
  return result * direction;
}
