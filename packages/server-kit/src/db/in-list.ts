// The values of an `in (...)` list, padded to a power of two by repeating the last one: a query over
// 1 to 100 ids then has one of 8 SQL texts, not one per length, so the few a bulk read makes stay in
// SQLite's statement cache (statement-cache.ts) beside the ones every upload runs.
export function inList<T>(values: readonly T[]): T[] {
  if (values.length === 0) throw new Error('an empty in-list');
  const padded = [...values];
  let size = 1;
  while (size < padded.length) size *= 2;
  while (padded.length < size) padded.push(values[values.length - 1]!);
  return padded;
}
