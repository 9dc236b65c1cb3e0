// MediaDatabase over kysely. Only portable SQL: the same queries run on SQLite and PostgreSQL. Each
// group of queries lives in its own module; this one puts them together and runs transactions.
import type { Kysely } from 'kysely';
import type { MediaDatabase } from './database.js';
import { atomically } from './atomically.js';
import { createAuditQueries } from './audit-queries.js';
import { createCaptionQueries } from './caption-queries.js';
import { createHydrate } from './media-hydrate.js';
import { createMediaQueries } from './media-queries.js';
import { createMediaWrites } from './media-writes.js';
import { createOperationQueries } from './operation-queries.js';
import { createReplaceQueries } from './replace-queries.js';
import type { Schema } from './schema.js';
import { createSecretQueries } from './secret-queries.js';
import { createStorageKeyQueries } from './storage-key-queries.js';
import { createTicketQueries } from './ticket-queries.js';
import { createTrashQueries } from './trash-queries.js';
import { createUploadQueries } from './upload-queries.js';

export function createKyselyDatabase(db: Kysely<Schema>): MediaDatabase {
  const hydrate = createHydrate(db);

  const self: MediaDatabase = {
    transaction: (work) => atomically(db, (trx) => work(trx === db ? self : createKyselyDatabase(trx))),
    ...createMediaQueries(db, hydrate),
    ...createMediaWrites(db),
    ...createUploadQueries(db),
    ...createOperationQueries(db),
    ...createStorageKeyQueries(db),
    ...createCaptionQueries(db),
    ...createTicketQueries(db),
    ...createSecretQueries(db),
    ...createAuditQueries(db),
    ...createTrashQueries(db),
    ...createReplaceQueries(db, hydrate),

    async close() {
      await db.destroy();
    },
  };
  return self;
}
