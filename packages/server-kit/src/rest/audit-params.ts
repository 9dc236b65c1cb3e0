// Reads `GET /audit`'s query strictly: known filters only, real dates, a bounded page.
import { AUDIT_ACTIONS, type AuditAction } from '@mediabay/core/protocol';
import type { AuditQuery } from '../db/database.js';
import { invalidParameter as invalid } from '../http/errors.js';
import { isId } from '../media/ids.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from './list-params.js';

const KNOWN = new Set(['fileId', 'userId', 'action', 'since', 'until', 'limit', 'cursor']);

function isoDate(name: string, value: string | null): string | undefined {
  if (value === null || value === '') return undefined;
  const time = Date.parse(value);
  if (value.length > 64 || Number.isNaN(time)) throw invalid(name, 'must be an ISO 8601 date.');
  return new Date(time).toISOString();
}

export function parseAuditParams(search: URLSearchParams, tenantId: string): AuditQuery {
  for (const key of search.keys()) {
    if (!KNOWN.has(key)) throw invalid(key, 'is not an audit parameter.');
  }
  const query: AuditQuery = { tenantId, limit: DEFAULT_LIMIT };
  const rawLimit = search.get('limit');
  if (rawLimit !== null && rawLimit !== '') {
    if (!/^\d{1,4}$/.test(rawLimit) || Number(rawLimit) < 1)
      throw invalid('limit', 'must be a positive integer.');
    query.limit = Math.min(MAX_LIMIT, Number(rawLimit));
  }
  const fileId = search.get('fileId');
  if (fileId) {
    if (!isId(fileId)) throw invalid('fileId', 'is not a file id.');
    query.fileId = fileId;
  }
  const userId = search.get('userId');
  if (userId) {
    if (userId.length > 256) throw invalid('userId', 'must be at most 256 characters.');
    query.userId = userId;
  }
  const action = search.get('action');
  if (action) {
    if (!(AUDIT_ACTIONS as readonly string[]).includes(action))
      throw invalid('action', `must be one of ${AUDIT_ACTIONS.join(', ')}.`);
    query.action = action as AuditAction;
  }
  const since = isoDate('since', search.get('since'));
  const until = isoDate('until', search.get('until'));
  if (since !== undefined) query.since = since;
  if (until !== undefined) query.until = until;
  const cursor = search.get('cursor');
  if (cursor) {
    if (cursor.length > 64) throw invalid('cursor', 'is not one this server issued.');
    query.cursor = cursor;
  }
  return query;
}
