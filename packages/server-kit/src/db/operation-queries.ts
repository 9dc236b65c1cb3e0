// Who holds an operation id, read in one statement: its file (through media_operations) and every
// upload row made under it, as one UNION ALL told apart by `kind` (operation-claim.ts decides).
import { sql, type Kysely } from 'kysely';
import { compiled } from './compiled.js';
import type { MediaDatabase, OperationHolders } from './database.js';
import { num } from './rows.js';
import type { Schema } from './schema.js';

interface HolderRow {
  kind: 'file' | 'upload';
  /** the file's id, or the file an upload became (null while it is in flight) */
  ref: string | null;
  owner_id: string;
  name: string;
  size: number | string | null;
}

// checked by every creating request: compiled once (compiled.ts)
const holdersOf = compiled(
  (_db, p: { tenantId: string; operationId: string }) => sql<HolderRow>`
    select 'file' as kind, m.id as ref, m.owner_id, m.name, m.size
      from media m inner join media_operations o on o.media_id = m.id
      where o.tenant_id = ${p.tenantId} and o.operation_id = ${p.operationId}
    union all
    select 'upload', media_id, owner_id, name, size
      from uploads where tenant_id = ${p.tenantId} and operation_id = ${p.operationId}`,
);

export function createOperationQueries(db: Kysely<Schema>): Pick<MediaDatabase, 'listOperationHolders'> {
  return {
    async listOperationHolders(tenantId, operationId) {
      const { rows } = await holdersOf(db, { tenantId, operationId });
      const holders: OperationHolders = { uploads: [] };
      for (const row of rows) {
        const holder = { ownerId: row.owner_id, name: row.name, size: num(row.size) };
        if (row.kind === 'upload') holders.uploads.push({ ...holder, mediaId: row.ref });
        else holders.file = { ...holder, id: row.ref ?? '', size: Number(row.size) };
      }
      return holders;
    },
  };
}
