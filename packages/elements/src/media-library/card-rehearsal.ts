// The library's grid card and list row of an upload, laid out once on idle and dropped, before the
// first upload (or page of files) shows one: that task then only clones and fills, in fonts the
// browser already has (shared/unseen-layout.ts; issue 21: an empty library's first card was laid out
// in the task that adds the file).
import type { MediaFile } from '@mediabay/core/protocol';
import type { MediabayStrings } from '../i18n/en.js';
import { whenIdle } from '../shared/idle-prefetch.js';
import { layOutUnseen, SAMPLE_UPLOAD } from '../shared/unseen-layout.js';
import { renderGridItem, renderListItem, type ItemView } from './library-item.js';

let rehearsed = false;

/** Once per page, on idle: `root` is a library's shadow root (its styles), `strings` its words then. */
export function prepareCards(root: Node, strings: () => MediabayStrings): void {
  if (rehearsed) return;
  rehearsed = true;
  whenIdle(() => {
    const at = new Date(0).toISOString();
    const file: MediaFile = {
      id: SAMPLE_UPLOAD.operationId,
      name: SAMPLE_UPLOAD.name,
      type: SAMPLE_UPLOAD.type,
      mimeType: SAMPLE_UPLOAD.mimeType,
      size: SAMPLE_UPLOAD.size,
      status: 'processing',
      createdAt: at,
      updatedAt: at,
      ownerId: '',
      tags: ['sample'],
      contentUrl: '',
      usages: [],
      operationId: SAMPLE_UPLOAD.operationId,
      durationMs: 1000,
    };
    const view: ItemView = {
      file,
      upload: SAMPLE_UPLOAD,
      selected: false,
      active: false,
      leaving: false,
      index: 0,
      domId: 'mb-sample-item',
      total: 1,
      poster: undefined,
    };
    const t = strings();
    layOutUnseen(root, renderGridItem(view, t), renderListItem(view, t));
  });
}
