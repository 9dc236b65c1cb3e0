// Caption tracks of a file: one WebVTT file per language, its bytes in storage at `key`.
import type { Kysely } from 'kysely';
import type { MediaDatabase, StoredCaption } from './database.js';
import type { Schema } from './schema.js';

type CaptionQueries = Pick<MediaDatabase, 'putCaption' | 'deleteCaption'>;

export function createCaptionQueries(db: Kysely<Schema>): CaptionQueries {
  return {
    async putCaption(mediaId, caption) {
      await db
        .insertInto('media_captions')
        .values({
          media_id: mediaId,
          lang: caption.lang,
          label: caption.label,
          storage_key: caption.key,
          updated_at: caption.updatedAt,
        })
        .onConflict((oc) =>
          oc.columns(['media_id', 'lang']).doUpdateSet({
            label: caption.label,
            storage_key: caption.key,
            updated_at: caption.updatedAt,
          }),
        )
        .execute();
    },

    async deleteCaption(mediaId, lang) {
      const row = await db
        .deleteFrom('media_captions')
        .where('media_id', '=', mediaId)
        .where('lang', '=', lang)
        .returningAll()
        .executeTakeFirst();
      return row ? captionOf(row) : undefined;
    },
  };
}

export const captionOf = (row: {
  lang: string;
  label: string | null;
  storage_key: string;
  updated_at: string;
}): StoredCaption => ({ lang: row.lang, label: row.label, key: row.storage_key, updatedAt: row.updated_at });
