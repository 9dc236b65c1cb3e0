// How one library entry looks in the grid (a Drive-like card) and in the list (a table-like row).
// An entry is a server record, or an optimistic one for an upload in flight (id = operationId).
// The outer `.item` is what the virtualizer positions; the inner box carries the look, so that
// right-to-left layouts can mirror the grid and flip each item's content back.
import { html, nothing, type TemplateResult } from 'lit';
import type { UploadItem, UploadStatus } from '@mediabay/core';
import type { MediaFile } from '@mediabay/core/protocol';
import type { MediabayStrings } from '../i18n/en.js';
import { formatBytes, formatDate, formatDuration, formatPercent } from '../shared/format.js';
import { uploadErrorText } from '../i18n/upload-errors.js';
import { icon, typeColor, typeIcon } from '../shared/icons.js';

export interface ItemView {
  file: MediaFile;
  /** the upload behind an optimistic entry, while the client still tracks it */
  upload: UploadItem | undefined;
  selected: boolean;
  /** the item the keyboard acts on (the listbox's active descendant) */
  active: boolean;
  /** fading out before its delete is sent */
  leaving: boolean;
  index: number;
  domId: string;
  total: number;
  /** a poster made in the browser for a video still uploading (object URL) */
  poster: string | undefined;
}

/** What `data-status` shows: the upload's state while there is one, then the server's. */
export function itemStatus(
  file: MediaFile,
  upload: UploadItem | undefined,
): UploadStatus | MediaFile['status'] {
  return upload && upload.status !== 'ready' ? upload.status : file.status;
}

function itemClass(view: ItemView): string {
  return ['item', view.selected && 'selected', view.active && 'active', view.leaving && 'leaving']
    .filter(Boolean)
    .join(' ');
}

function badge(status: string, file: MediaFile, upload: UploadItem | undefined, t: MediabayStrings) {
  if (status === 'ready') return nothing;
  const value =
    status === 'processing'
      ? (upload?.processing?.progress ?? null)
      : status === 'error'
        ? null
        : (upload?.progress ?? null);
  const label = status in t.status ? t.status[status as UploadStatus] : status;
  const text = value === null ? label : `${label} ${formatPercent(value, t.locale)}`;
  return html`<span
    class="badge badge-${status}"
    part="badge"
    title=${file.error ?? (upload?.error ? uploadErrorText(upload.error, t) : '')}
  >
    ${status === 'error' ? icon('error') : nothing}${text}
  </span>`;
}

/** A picture that failed to load (a poster not made yet, say) steps aside for the type icon under it. */
const hideBroken = (event: Event) => ((event.target as HTMLElement).hidden = true);
// A reused <img> whose new source loads comes back (display:none images still load).
const showLoaded = (event: Event) => ((event.target as HTMLElement).hidden = false);

function thumb(view: ItemView): TemplateResult {
  const { file } = view;
  const icon = html`<span class="thumb-icon" style="color:${typeColor[file.type]}"
    >${typeIcon(file.type)}</span
  >`;
  const src =
    file.thumbnailUrl ??
    view.poster ??
    (file.type === 'image' && file.status === 'ready' ? file.contentUrl : undefined);
  if (src)
    return html`${icon}<img
        class="thumb-img"
        src=${src}
        alt=""
        loading="lazy"
        decoding="async"
        draggable="false"
        @error=${hideBroken}
        @load=${showLoaded}
      />`;
  // No server poster yet: let the browser show a frame of the video itself (metadata only, muted).
  if (file.type === 'video' && file.status === 'ready' && file.contentUrl) {
    return html`${icon}<video
        class="thumb-video"
        src=${`${file.contentUrl}#t=0.5`}
        preload="metadata"
        muted
        playsinline
        disablepictureinpicture
        tabindex="-1"
        aria-hidden="true"
        @error=${hideBroken}
      ></video>`;
  }
  return icon;
}

function uploadBar(status: string, upload: UploadItem | undefined): TemplateResult | typeof nothing {
  if (!upload || (status !== 'uploading' && status !== 'paused' && status !== 'queued')) return nothing;
  return html`<span class="thumb-bar"
    ><span style="transform:scaleX(${upload.progress / 100})"></span
  ></span>`;
}

/** How many of a file's tags an entry shows (the rest are counted: "+2"). */
const CHIPS = 2;

/**
 * The first tags as chips. Not buttons: an option holds no controls (axe nested-interactive); a click
 * asks the library to filter by the tag (keyboard users have the toolbar's tag filter).
 */
function chips(file: MediaFile, t: MediabayStrings): TemplateResult | typeof nothing {
  if (file.tags.length === 0) return nothing;
  const more = file.tags.length - CHIPS;
  const filter = (event: Event) => {
    const tag = (event.currentTarget as HTMLElement).dataset.tag;
    event.target?.dispatchEvent(
      new CustomEvent('mb-tag-filter-request', { detail: { tag }, bubbles: true, composed: true }),
    );
  };
  return html`<span class="tag-chips" title=${`${t.tagsOf}: ${file.tags.join(', ')}`}
    >${file.tags
      .slice(0, CHIPS)
      .map(
        (tag) => html`<span class="tag-chip" part="tag-chip" data-tag=${tag} @click=${filter}>${tag}</span>`,
      )}${more > 0 ? html`<span class="tag-chip more">+${more}</span>` : nothing}</span
  >`;
}

/** The option every entry is, grid or list: what selection, tests and styling read. */
function option(view: ItemView, status: string, content: TemplateResult): TemplateResult {
  const { file } = view;
  return html`<div
    id=${view.domId}
    class=${itemClass(view)}
    part="item${view.selected ? ' item-selected' : ''}"
    role="option"
    aria-selected=${String(view.selected)}
    aria-posinset=${view.index + 1}
    aria-setsize=${view.total}
    data-id=${file.id}
    data-operation-id=${file.operationId}
    data-status=${status}
    data-index=${view.index}
    data-name=${file.name}
  >
    ${content}
  </div>`;
}

export function renderGridItem(view: ItemView, t: MediabayStrings): TemplateResult {
  const { file, upload } = view;
  const status = itemStatus(file, upload);
  const duration = file.durationMs ? formatDuration(file.durationMs) : '';
  return option(
    view,
    status,
    html`<div class="card">
      <div class="card-head">
        <span class="small-icon" style="color:${typeColor[file.type]}">${typeIcon(file.type)}</span>
        <span class="card-name" dir="auto" title=${file.name}>${file.name}</span>
        ${view.selected ? html`<span class="check">${icon('check')}</span>` : nothing}
      </div>
      <div class="thumb" part="thumbnail">
        ${thumb(view)} ${duration ? html`<span class="duration">${duration}</span>` : nothing}
        ${badge(status, file, upload, t)} ${uploadBar(status, upload)}
      </div>
      <div class="card-meta">
        <bdi>${formatBytes(file.size, t.locale)}</bdi>${duration ? html` · <bdi>${duration}</bdi>` : nothing}
        ${chips(file, t)}
      </div>
    </div>`,
  );
}

export function renderListItem(view: ItemView, t: MediabayStrings): TemplateResult {
  const { file, upload } = view;
  const status = itemStatus(file, upload);
  return option(
    view,
    status,
    html`<div class="row">
      <span class="row-thumb">${thumb(view)}</span>
      <span class="row-name" dir="auto" title=${file.name}>${file.name}</span>
      <span class="row-status">${badge(status, file, upload, t)}${chips(file, t)}</span>
      <span class="row-type">${t.mediaType[file.type]}</span>
      <span class="row-size"><bdi>${formatBytes(file.size, t.locale)}</bdi></span>
      <span class="row-date"><bdi>${formatDate(file.createdAt, t.locale)}</bdi></span>
    </div>`,
  );
}
