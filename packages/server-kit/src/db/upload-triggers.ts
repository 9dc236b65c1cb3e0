// Migration 0011: what an upload writes beside its own row, written by the database in the same
// statement (issue 21: at most 8 statements per small upload, BEGIN/COMMIT counted):
// - a new upload row records `upload.created` in the audit log;
// - a new file row claims its operation (media_operations; `OPERATION_TAKEN` when another file
//   holds it, and nothing is written) and records `upload.completed`.
// The entries are those the kit wrote itself before (same action, user, operation, file, detail),
// stamped with the row's own `created_at`, and they commit or roll back with the row by construction.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/** What the database raises when a file's operation already has its file. */
const OPERATION_TAKEN = 'operation already has its file';

/** Thrown by insertMedia when another file holds the operation; nothing was written. */
export class OperationTaken extends Error {
  constructor() {
    super(OPERATION_TAKEN);
    this.name = 'OperationTaken';
  }
}

export const isOperationTaken = (error: unknown): boolean =>
  error instanceof Error && error.message === OPERATION_TAKEN;

const COLUMNS = sql.raw('(at, tenant_id, user_id, action, file_id, operation_id, detail)');

async function sqlite(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TRIGGER uploads_created AFTER INSERT ON uploads BEGIN
    INSERT INTO audit_log ${COLUMNS} VALUES (NEW.created_at, NEW.tenant_id, NEW.owner_id,
      'upload.created', NULL, NEW.operation_id,
      json_object('name', NEW.name, 'size', NEW.size, 'mimeType', NEW.mime_type));
  END`.execute(db);
  await sql`CREATE TRIGGER media_created AFTER INSERT ON media BEGIN
    SELECT RAISE(ABORT, ${sql.lit(OPERATION_TAKEN)}) WHERE EXISTS (SELECT 1 FROM media_operations
      WHERE tenant_id = NEW.tenant_id AND operation_id = NEW.operation_id);
    INSERT INTO media_operations (tenant_id, operation_id, media_id)
      VALUES (NEW.tenant_id, NEW.operation_id, NEW.id);
    INSERT INTO audit_log ${COLUMNS} VALUES (NEW.created_at, NEW.tenant_id, NEW.owner_id,
      'upload.completed', NEW.id, NEW.operation_id,
      json_object('name', NEW.name, 'size', NEW.size, 'mimeType', NEW.mime_type));
  END`.execute(db);
}

async function postgres(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE FUNCTION uploads_created() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    INSERT INTO audit_log ${COLUMNS} VALUES (NEW.created_at, NEW.tenant_id, NEW.owner_id,
      'upload.created', NULL, NEW.operation_id,
      json_build_object('name', NEW.name, 'size', NEW.size, 'mimeType', NEW.mime_type)::text);
    RETURN NULL;
  END $$`.execute(db);
  await sql`CREATE TRIGGER uploads_created AFTER INSERT ON uploads
    FOR EACH ROW EXECUTE FUNCTION uploads_created()`.execute(db);
  // ON CONFLICT waits for a concurrent claim of the operation and then sees it
  await sql`CREATE FUNCTION media_created() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    INSERT INTO media_operations (tenant_id, operation_id, media_id)
      VALUES (NEW.tenant_id, NEW.operation_id, NEW.id) ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
      RAISE EXCEPTION ${sql.lit(OPERATION_TAKEN)} USING ERRCODE = 'unique_violation';
    END IF;
    INSERT INTO audit_log ${COLUMNS} VALUES (NEW.created_at, NEW.tenant_id, NEW.owner_id,
      'upload.completed', NEW.id, NEW.operation_id,
      json_build_object('name', NEW.name, 'size', NEW.size, 'mimeType', NEW.mime_type)::text);
    RETURN NULL;
  END $$`.execute(db);
  await sql`CREATE TRIGGER media_created AFTER INSERT ON media
    FOR EACH ROW EXECUTE FUNCTION media_created()`.execute(db);
}

export async function addUploadTriggers(db: Kysely<unknown>): Promise<void> {
  await (db.getExecutor().adapter instanceof PostgresAdapter ? postgres(db) : sqlite(db));
}
