// Reads the list query string strictly: unknown values are a 400, not silently ignored.
import { MEDIA_TYPES, SORT_KEYS, type SortOrder } from '@mediabay/core/protocol';
import type { ListQuery } from '../db/database.js';
import { invalidParameter as invalid } from '../http/errors.js';

const ORDERS: readonly SortOrder[] = ['asc', 'desc'];
const KNOWN = new Set(['q', 'type', 'tag', 'courseId', 'trashed', 'sort', 'order', 'limit', 'cursor']);
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

function oneOf<T extends string>(name: string, value: string | null, allowed: readonly T[]): T | undefined {
  if (value === null || value === '') return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw invalid(name, `must be one of ${allowed.join(', ')}.`);
  return value as T;
}

function text(name: string, value: string | null, max: number): string | undefined {
  if (value === null || value === '') return undefined;
  if (value.length > max) throw invalid(name, `must be at most ${max} characters.`);
  return value;
}

export function parseListParams(search: URLSearchParams, tenantId: string): ListQuery {
  for (const key of search.keys()) {
    if (!KNOWN.has(key)) throw invalid(key, 'is not a list parameter.');
  }
  const sort = oneOf('sort', search.get('sort'), SORT_KEYS) ?? 'createdAt';
  const order = oneOf('order', search.get('order'), ORDERS) ?? (sort === 'createdAt' ? 'desc' : 'asc');
  const rawLimit = search.get('limit');
  let limit = DEFAULT_LIMIT;
  if (rawLimit !== null && rawLimit !== '') {
    if (!/^\d{1,4}$/.test(rawLimit) || Number(rawLimit) < 1)
      throw invalid('limit', 'must be a positive integer.');
    limit = Math.min(MAX_LIMIT, Number(rawLimit));
  }
  const query: ListQuery = { tenantId, sort, order, limit };
  const q = text('q', search.get('q'), 200);
  const type = oneOf('type', search.get('type'), MEDIA_TYPES);
  const tag = text('tag', search.get('tag'), 64)?.trim().replace(/\s+/g, ' ').toLowerCase(); // as stored
  const courseId = text('courseId', search.get('courseId'), 128);
  const cursor = text('cursor', search.get('cursor'), 512);
  if (q !== undefined) query.q = q;
  if (type !== undefined) query.type = type;
  if (tag !== undefined) query.tag = tag;
  if (courseId !== undefined) query.courseId = courseId;
  if (cursor !== undefined) query.cursor = cursor;
  if (oneOf('trashed', search.get('trashed'), ['true', 'false'] as const) === 'true') query.trashed = true;
  return query;
}
