// The audit log's queries: append (never update), list newest first with keyset paging, prune.
import type { AuditAction, AuditEntry } from '@mediabay/core/protocol';
import type { Kysely, Selectable } from 'kysely';
import { HttpError } from '../http/errors.js';
import type { MediaDatabase } from './database.js';
import type { AuditTable, Schema } from './schema.js';

type AuditQueries = Pick<MediaDatabase, 'appendAudit' | 'listAudit' | 'pruneAudit'>;

const encode = (seq: number): string => Buffer.from(String(seq)).toString('base64url');

function decode(raw: string): number {
  const text = /^[A-Za-z0-9_-]{1,24}$/.test(raw) ? Buffer.from(raw, 'base64url').toString('utf8') : '';
  const seq = /^\d{1,15}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(seq))
    throw new HttpError(400, 'invalid-cursor', 'The cursor is not one this server issued.');
  return seq;
}

function parseDetail(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { raw: text };
  }
}

function toEntry(row: Selectable<AuditTable>): AuditEntry {
  return {
    id: String(row.seq),
    at: row.at,
    tenantId: row.tenant_id,
    userId: row.user_id,
    action: row.action as AuditAction,
    fileId: row.file_id,
    operationId: row.operation_id,
    detail: parseDetail(row.detail),
  };
}

export function createAuditQueries(db: Kysely<Schema>): AuditQueries {
  return {
    async appendAudit(entry) {
      // an upload's own entries are written by triggers with its rows (0011, db/upload-triggers.ts)
      await db
        .insertInto('audit_log')
        .values({
          at: entry.at ?? new Date().toISOString(),
          tenant_id: entry.tenantId,
          user_id: entry.userId,
          action: entry.action,
          file_id: entry.fileId ?? null,
          operation_id: entry.operationId ?? null,
          detail: entry.detail ? JSON.stringify(entry.detail) : null,
        })
        .execute();
    },

    async listAudit(query) {
      let q = db.selectFrom('audit_log').selectAll().where('tenant_id', '=', query.tenantId);
      if (query.fileId) q = q.where('file_id', '=', query.fileId);
      if (query.userId) q = q.where('user_id', '=', query.userId);
      if (query.action) q = q.where('action', '=', query.action);
      if (query.since) q = q.where('at', '>=', query.since);
      if (query.until) q = q.where('at', '<', query.until);
      if (query.cursor) q = q.where('seq', '<', decode(query.cursor));
      const rows = await q
        .orderBy('seq', 'desc')
        .limit(query.limit + 1)
        .execute();
      const more = rows.length > query.limit;
      const page = more ? rows.slice(0, query.limit) : rows;
      const last = page[page.length - 1];
      return { items: page.map(toEntry), nextCursor: more && last ? encode(Number(last.seq)) : null };
    },

    async pruneAudit(before) {
      const result = await db.deleteFrom('audit_log').where('at', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
