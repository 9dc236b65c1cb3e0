// A media record is its row plus its tags, usages and captions: `hydrate` reads those for many rows
// at once, in one statement (the three relations as one UNION ALL, told apart by `kind`).
import { sql, type Kysely } from 'kysely';
import type { Usage } from '@mediabay/core/protocol';
import type { MediaRecord, StoredCaption } from './database.js';
import { toRecord, type MediaRow } from './rows.js';
import type { Schema } from './schema.js';

export type Hydrate = (rows: MediaRow[]) => Promise<MediaRecord[]>;
/** The tags, usages and captions of files `ids`, by file id (absent: none), in one statement. */
export type ReadRelations = (ids: string[]) => Promise<Map<string, Relations>>;

/** One relation row: a tag (a), a usage (a course, b lesson) or a caption (a lang, b label, c key, d time). */
interface RelationRow {
  kind: 'tag' | 'usage' | 'caption';
  media_id: string;
  a: string;
  b: string | null;
  c: string | null;
  d: string | null;
}

export interface Relations {
  tags: string[];
  usages: Usage[];
  captions: StoredCaption[];
}

function group(rows: RelationRow[]): Map<string, Relations> {
  const byMedia = new Map<string, Relations>();
  for (const row of rows) {
    let relations = byMedia.get(row.media_id);
    if (!relations) byMedia.set(row.media_id, (relations = { tags: [], usages: [], captions: [] }));
    if (row.kind === 'tag') relations.tags.push(row.a);
    else if (row.kind === 'usage')
      relations.usages.push(row.b ? { courseId: row.a, lessonId: row.b } : { courseId: row.a });
    else relations.captions.push({ lang: row.a, label: row.b, key: row.c ?? '', updatedAt: row.d ?? '' });
  }
  return byMedia;
}

export const NO_RELATIONS: Relations = { tags: [], usages: [], captions: [] };

export function createRelationsReader(db: Kysely<Schema>): ReadRelations {
  return async function readRelations(ids) {
    const list = sql.join(ids);
    // each branch ordered as the lists show them (tags by name, usages by course, captions by lang)
    const { rows } = await sql<RelationRow>`
      select 'tag' as kind, media_id, tag as a, null as b, null as c, null as d
        from media_tags where media_id in (${list})
      union all
      select 'usage', media_id, course_id, lesson_id, null, null
        from media_usages where media_id in (${list})
      union all
      select 'caption', media_id, lang, label, storage_key, updated_at
        from media_captions where media_id in (${list})
      order by 1, 3`.execute(db);
    return group(rows);
  };
}

export function createHydrate(db: Kysely<Schema>): Hydrate {
  const readRelations = createRelationsReader(db);
  return async function hydrate(rows) {
    if (rows.length === 0) return [];
    const byMedia = await readRelations(rows.map((r) => r.id));
    return rows.map((row) => {
      const { tags, usages, captions } = byMedia.get(row.id) ?? NO_RELATIONS;
      return toRecord(row, tags, usages, captions);
    });
  };
}
