// The library list: filters, sort and keyset paging. `total` counts the filtered set, not the page.
import { sql, type Kysely } from 'kysely';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { ListQuery, MediaRecord } from './database.js';
import type { MediaRow } from './rows.js';
import type { Schema } from './schema.js';

const SORT_COLUMNS = { name: 'name_key', createdAt: 'created_at', size: 'size', type: 'type' } as const;

/** `%` and `_` typed by a user are literal characters, not wildcards. */
const likePattern = (q: string): string => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listMedia(
  db: Kysely<Schema>,
  hydrate: (rows: MediaRow[]) => Promise<MediaRecord[]>,
  query: ListQuery,
): Promise<{ items: MediaRecord[]; nextCursor: string | null; total: number }> {
  const column = SORT_COLUMNS[query.sort];
  let base = db
    .selectFrom('media')
    .where('tenant_id', '=', query.tenantId)
    .where('trashed_at', query.trashed === true ? 'is not' : 'is', null);
  if (query.q) {
    // a name, or a tag, containing the words typed (tags are stored lower-cased)
    const pattern = likePattern(query.q);
    base = base.where((eb) =>
      eb.or([
        sql<boolean>`name_key like ${pattern} escape '\\'`,
        eb.exists(
          eb
            .selectFrom('media_tags')
            .select('media_tags.tag')
            .whereRef('media_tags.media_id', '=', 'media.id')
            .where(sql<boolean>`media_tags.tag like ${pattern} escape '\\'`),
        ),
      ]),
    );
  }
  if (query.type) base = base.where('type', '=', query.type);
  if (query.tag) {
    const tag = query.tag;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('media_tags')
          .select('media_tags.tag')
          .whereRef('media_tags.media_id', '=', 'media.id')
          .where('media_tags.tag', '=', tag),
      ),
    );
  }
  if (query.courseId) {
    const courseId = query.courseId;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('media_usages')
          .select('media_usages.course_id')
          .whereRef('media_usages.media_id', '=', 'media.id')
          .where('media_usages.course_id', '=', courseId),
      ),
    );
  }

  const totalRow = await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
  const total = Number(totalRow?.n ?? 0);

  let page = base.selectAll();
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    const op = query.order === 'asc' ? '>' : '<';
    page = page.where((eb) =>
      eb.or([
        eb(column, op, cursor.value),
        eb.and([eb(column, '=', cursor.value), eb('seq', op, cursor.seq)]),
      ]),
    );
  }
  const rows = await page
    .orderBy(column, query.order)
    .orderBy('seq', query.order)
    .limit(query.limit + 1)
    .execute();
  const more = rows.length > query.limit;
  const pageRows = more ? rows.slice(0, query.limit) : rows;
  const last = pageRows[pageRows.length - 1];
  const nextCursor = more && last ? encodeCursor({ value: last[column], seq: Number(last.seq) }) : null;
  return { items: await hydrate(pageRows), nextCursor, total };
}
