// Who holds an operation id, read in one statement: its file (through media_operations) and every
// upload row made under it, as one UNION ALL told apart by `kind` (operation-claim.ts decides). A
// creating tus request reads them together with the unfinished uploads' totals of its tenant and
// user (the quotas of media/upload-quota.ts, served by the partial index `uploads_pending`, 0008).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { compiled } from './compiled.js';
import type { MediaDatabase, OperationHolders, PendingTotals } from './database.js';
import { num } from './rows.js';
import type { Schema } from './schema.js';

type Count = number | string | null;

interface StateRow {
  kind: 'file' | 'upload' | 'pending';
  /** the file's id, or the file an upload became (null while it is in flight) */
  ref: string | null;
  owner_id: string;
  name: string;
  /** a holder's size; for `pending`, the declared bytes of the tenant's unfinished uploads */
  size: Count;
  /** `pending` only: how many unfinished uploads the tenant has; the user's count and bytes */
  n: Count;
  user_n: Count;
  user_size: Count;
}

interface Keys {
  tenantId: string;
  operationId: string;
}

const holderRows = (p: Keys): RawBuilder<StateRow> => sql<StateRow>`
    select 'file' as kind, m.id as ref, m.owner_id, m.name, m.size, null as n, null as user_n,
        null as user_size
      from media m inner join media_operations o on o.media_id = m.id
      where o.tenant_id = ${p.tenantId} and o.operation_id = ${p.operationId}
    union all
    select 'upload', media_id, owner_id, name, size, null, null, null
      from uploads where tenant_id = ${p.tenantId} and operation_id = ${p.operationId}`;

// checked by every creating tus request: compiled once (compiled.ts)
const creationState = compiled(
  (_db, p: Keys & { ownerId: string }) => sql<StateRow>`
    select 'pending' as kind, null as ref, null as owner_id, null as name,
        coalesce(sum(size), 0) as size, count(*) as n,
        coalesce(sum(case when owner_id = ${p.ownerId} then 1 else 0 end), 0) as user_n,
        coalesce(sum(case when owner_id = ${p.ownerId} then size else 0 end), 0) as user_size
      from uploads where tenant_id = ${p.tenantId} and media_id is null
    union all ${holderRows(p)}`,
);

function fromRows(rows: StateRow[]): { holders: OperationHolders; pending?: PendingTotals } {
  const holders: OperationHolders = { uploads: [] };
  let pending: PendingTotals | undefined;
  for (const row of rows) {
    const holder = { ownerId: row.owner_id, name: row.name, size: num(row.size) };
    if (row.kind === 'upload') holders.uploads.push({ ...holder, mediaId: row.ref });
    else if (row.kind === 'file') holders.file = { ...holder, id: row.ref ?? '', size: Number(row.size) };
    else
      pending = {
        tenant: { count: Number(row.n), bytes: Number(row.size) },
        user: { count: Number(row.user_n), bytes: Number(row.user_size) },
      };
  }
  return pending ? { holders, pending } : { holders };
}

export function createOperationQueries(
  db: Kysely<Schema>,
): Pick<MediaDatabase, 'listOperationHolders' | 'creationState'> {
  return {
    async listOperationHolders(tenantId, operationId) {
      return fromRows((await holderRows({ tenantId, operationId }).execute(db)).rows).holders;
    },

    async creationState(tenantId, ownerId, operationId) {
      const { holders, pending } = fromRows(
        (await creationState(db, { tenantId, ownerId, operationId })).rows,
      );
      if (!pending) throw new Error('an aggregate without its row');
      return { holders, pending };
    },
  };
}
