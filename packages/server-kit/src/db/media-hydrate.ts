// A media record is its row plus its tags, usages and captions: `hydrate` reads those for many rows
// at once (three queries whatever the number of rows).
import type { Kysely } from 'kysely';
import { captionOf } from './caption-queries.js';
import type { MediaRecord } from './database.js';
import { toRecord, type MediaRow } from './rows.js';
import type { Schema } from './schema.js';

export type Hydrate = (rows: MediaRow[]) => Promise<MediaRecord[]>;

export function createHydrate(db: Kysely<Schema>): Hydrate {
  return async function hydrate(rows) {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [tags, usages, captions] = await Promise.all([
      db.selectFrom('media_tags').selectAll().where('media_id', 'in', ids).orderBy('tag').execute(),
      db.selectFrom('media_usages').selectAll().where('media_id', 'in', ids).orderBy('course_id').execute(),
      db.selectFrom('media_captions').selectAll().where('media_id', 'in', ids).orderBy('lang').execute(),
    ]);
    return rows.map((row) =>
      toRecord(
        row,
        tags.filter((t) => t.media_id === row.id).map((t) => t.tag),
        usages
          .filter((u) => u.media_id === row.id)
          .map((u) =>
            u.lesson_id ? { courseId: u.course_id, lessonId: u.lesson_id } : { courseId: u.course_id },
          ),
        captions.filter((c) => c.media_id === row.id).map(captionOf),
      ),
    );
  };
}
