// The audit log as the library reads it (`GET /audit`, admins only): newest first, filtered by
// action, user and a time range, one page per call (`cursor` from the previous page).
import type { JsonFetcher } from '../http.js';
import type { AuditAction, AuditPage } from '../protocol.js';

export interface AuditParams {
  action?: AuditAction;
  userId?: string;
  fileId?: string;
  /** ISO 8601, inclusive */
  since?: string;
  /** ISO 8601, exclusive */
  until?: string;
  limit?: number;
  cursor?: string;
}

export function auditPath(params: AuditParams = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text ? `/audit?${text}` : '/audit';
}

export const readAudit = (fetcher: JsonFetcher, params?: AuditParams): Promise<AuditPage> =>
  fetcher<AuditPage>(auditPath(params));
