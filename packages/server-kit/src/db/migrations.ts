// Schema migrations, in order. Append new ones; never edit one that has shipped.
import { PostgresAdapter, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { addUploadTriggers } from './upload-triggers.js';

const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      // The one dialect difference: an auto-numbered key is `bigserial` in PostgreSQL.
      const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
      await db.schema
        .createTable('media')
        .addColumn('seq', postgres ? 'bigserial' : 'integer', (c) =>
          postgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('mime_type', 'text', (c) => c.notNull())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('duration_ms', 'bigint')
        .addColumn('width', 'integer')
        .addColumn('height', 'integer')
        .addColumn('thumbnail_key', 'text')
        .addColumn('storage_key', 'text', (c) => c.notNull())
        .addColumn('operation_id', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('media_tenant_created')
        .on('media')
        .columns(['tenant_id', 'created_at'])
        .execute();
      await db.schema
        .createIndex('media_tenant_operation')
        .on('media')
        .columns(['tenant_id', 'operation_id'])
        .execute();
      await db.schema.createIndex('media_status').on('media').column('status').execute();

      await db.schema
        .createTable('media_tags')
        .addColumn('media_id', 'text', (c) => c.notNull().references('media.id').onDelete('cascade'))
        .addColumn('tag', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('media_tags_pk', ['media_id', 'tag'])
        .execute();
      await db.schema.createIndex('media_tags_tag').on('media_tags').column('tag').execute();

      await db.schema
        .createTable('media_usages')
        .addColumn('media_id', 'text', (c) => c.notNull().references('media.id').onDelete('cascade'))
        .addColumn('course_id', 'text', (c) => c.notNull())
        .addColumn('lesson_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('media_usages_pk', ['media_id', 'course_id', 'lesson_id'])
        .execute();
      await db.schema.createIndex('media_usages_course').on('media_usages').column('course_id').execute();

      await db.schema
        .createTable('uploads')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('operation_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('mime_type', 'text', (c) => c.notNull())
        .addColumn('size', 'bigint')
        .addColumn('offset', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('media_id', 'text')
        .execute();
      await db.schema
        .createIndex('uploads_tenant_operation')
        .on('uploads')
        .columns(['tenant_id', 'operation_id'])
        .execute();
    },
  },
  '0002_processing_claims': {
    // Which instance runs a file's processing job, and until when (ms since epoch): a lease that
    // another instance may take over once it runs out (the holder died).
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('media').addColumn('claim_owner', 'text').execute();
      await db.schema.alterTable('media').addColumn('claim_until', 'bigint').execute();
    },
  },
  '0003_audit_log': {
    // Append-only: rows are inserted with the change they record and only ever removed by retention.
    async up(db: Kysely<unknown>) {
      const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
      await db.schema
        .createTable('audit_log')
        .addColumn('seq', postgres ? 'bigserial' : 'integer', (c) =>
          postgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        // no foreign key: the entries of a deleted file outlive it
        .addColumn('file_id', 'text')
        .addColumn('operation_id', 'text')
        .addColumn('detail', 'text')
        .execute();
      await db.schema.createIndex('audit_tenant_seq').on('audit_log').columns(['tenant_id', 'seq']).execute();
      await db.schema
        .createIndex('audit_tenant_file')
        .on('audit_log')
        .columns(['tenant_id', 'file_id'])
        .execute();
      await db.schema.createIndex('audit_at').on('audit_log').column('at').execute();
    },
  },
  '0004_audit_log_append_only': {
    // The database itself refuses to rewrite history: an UPDATE of an audit entry fails. Deletes
    // stay possible, for the retention period.
    async up(db: Kysely<unknown>) {
      if (db.getExecutor().adapter instanceof PostgresAdapter) {
        await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`.execute(db);
        await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
          FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
      } else {
        await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
      }
    },
  },
  '0005_media_operations': {
    // One operation, one library file: the first file made for an operation claims it, so a repeated
    // upload of the same operation (a creating POST whose answer was lost, a multipart retry) cannot
    // make a second one, even on two instances at once. Deleting the file frees its operation.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('media_operations')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('operation_id', 'text', (c) => c.notNull())
        .addColumn('media_id', 'text', (c) => c.notNull().references('media.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('media_operations_pk', ['tenant_id', 'operation_id'])
        .execute();
      await db.schema
        .createIndex('media_operations_media')
        .on('media_operations')
        .column('media_id')
        .execute();
      // files made before: the oldest of an operation's files holds it
      await sql`INSERT INTO media_operations (tenant_id, operation_id, media_id)
        SELECT m.tenant_id, m.operation_id, m.id FROM media m
        WHERE m.seq = (SELECT MIN(o.seq) FROM media o
          WHERE o.tenant_id = m.tenant_id AND o.operation_id = m.operation_id)`.execute(db);
    },
  },
  '0006_socket_tickets': {
    // Socket tickets (ws/tickets.ts) in the database, so a ticket asked of one instance opens the
    // socket on another; each is taken (deleted) by the upgrade that uses it.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('socket_tickets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('roles', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('socket_tickets_expiry')
        .on('socket_tickets')
        .column('expires_at')
        .execute();
    },
  },
  '0007_media_renditions': {
    // Files made from the original for browsers (a web MP4/M4A): a JSON array of
    // {kind, key, mimeType, width, height, size}; null for none.
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('media').addColumn('renditions', 'text').execute();
    },
  },
  '0007_media_captions': {
    // One WebVTT caption file per file and language (the bytes in storage at storage_key).
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('media_captions')
        .addColumn('media_id', 'text', (c) => c.notNull().references('media.id').onDelete('cascade'))
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('label', 'text')
        .addColumn('storage_key', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('media_captions_pk', ['media_id', 'lang'])
        .execute();
    },
  },
  '0008_uploads_pending': {
    // Unfinished uploads per tenant and user, counted on every tus POST for the quotas.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('uploads_pending')
        .on('uploads')
        .columns(['tenant_id', 'owner_id'])
        .where(sql.ref('media_id'), 'is', null)
        .execute();
    },
  },
  '0009_media_trash': {
    // The trash: when a file was moved there (null: in the library). Lists filter on it per tenant,
    // and the retention sweep looks for the oldest.
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('media').addColumn('trashed_at', 'text').execute();
      await db.schema.createIndex('media_trashed').on('media').columns(['trashed_at']).execute();
    },
  },
  '0010_server_secrets': {
    // Secrets shared by every instance of one database: the key that signs media URLs
    // (media/signed-urls.ts) when none is configured, so a URL made by one instance opens on another.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('server_secrets')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0011_upload_triggers': {
    // An upload's audit entries and its file's operation claim, written with the rows they describe
    // (upload-triggers.ts): fewer statements per upload.
    up: addUploadTriggers,
  },
  '0012_media_indexes': {
    // Fewer index pages written per new file: nothing looks files up by operation id any more (the
    // claim in media_operations does), and only files in the trash are looked up by trash time, so
    // that index holds only them (a new file, in the library, is not in it).
    async up(db: Kysely<unknown>) {
      await db.schema.dropIndex('media_tenant_operation').execute();
      await db.schema.dropIndex('media_trashed').execute();
      await db.schema
        .createIndex('media_trashed')
        .on('media')
        .column('trashed_at')
        .where(sql.ref('trashed_at'), 'is not', null)
        .execute();
    },
  },
  '0013_audit_file_index': {
    // A file's history is looked up by its id: entries about no file (an upload's `upload.created`,
    // refusals) need no place in that index, one index page fewer for each of them.
    async up(db: Kysely<unknown>) {
      await db.schema.dropIndex('audit_tenant_file').execute();
      await db.schema
        .createIndex('audit_tenant_file')
        .on('audit_log')
        .columns(['tenant_id', 'file_id'])
        .where(sql.ref('file_id'), 'is not', null)
        .execute();
    },
  },
  '0014_upload_metadata': {
    // The tus Upload-Metadata an upload was created with (JSON), kept in its row: the local store
    // no longer writes a `<id>.json` info file per upload (storage/local-tus-store.ts). Null for rows
    // made before, whose info file still holds it.
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('uploads').addColumn('metadata', 'text').execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
