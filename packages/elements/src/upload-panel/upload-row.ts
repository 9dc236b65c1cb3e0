// One row of the upload panel: type icon, name, size and progress line, a progressbar, and the
// buttons that the row's status allows (a table, so "what can I do while paused?" is one lookup).
import { html, nothing, type TemplateResult } from 'lit';
import type { UploadItem, UploadStatus } from '@mediabay/core';
import type { MediabayStrings } from '../i18n/en.js';
import { formatBytes, formatPercent, formatTimeLeft } from '../shared/format.js';
import { icon, typeColor, typeIcon, type IconName } from '../shared/icons.js';

export type RowAction = 'pause' | 'resume' | 'cancel' | 'retry' | 'choose';

const actionsByStatus: Record<UploadStatus, readonly RowAction[]> = {
  queued: ['cancel'],
  uploading: ['pause', 'cancel'],
  paused: ['resume', 'cancel'],
  processing: [],
  ready: [],
  error: ['retry', 'cancel'],
  canceled: [],
};

const actionIcon: Record<RowAction, IconName> = {
  pause: 'pause',
  resume: 'play',
  cancel: 'close',
  retry: 'retry',
  choose: 'upload',
};

export function rowActions(item: UploadItem): readonly RowAction[] {
  if (item.waitingForFile && item.status !== 'ready' && item.status !== 'canceled')
    return ['choose', 'cancel'];
  return actionsByStatus[item.status];
}

/**
 * The parts of a row's detail line ("18 MB of 120 MB", "15%", "7 sec left"), each rendered isolated:
 * in a right-to-left page a part that starts with digits would otherwise borrow its neighbours'
 * direction and come out scrambled ("MB of 120 MB · 15% · 7 sec left 18").
 */
export function detailParts(item: UploadItem, t: MediabayStrings): string[] {
  const size = formatBytes(item.size, t.locale);
  if (item.waitingForFile && item.status !== 'ready') return [t.waitingForFile];
  const sent = () => t.sizeOf(formatBytes(item.bytesUploaded, t.locale), size);
  switch (item.status) {
    case 'uploading': {
      const left = formatTimeLeft(item.timeRemaining, t.locale);
      return [sent(), formatPercent(item.progress, t.locale), ...(left ? [t.timeLeft(left)] : [])];
    }
    case 'paused':
      return [t.status.paused, sent(), formatPercent(item.progress, t.locale)];
    case 'processing':
      return item.processing
        ? [t.processingStage(item.processing.stage), formatPercent(item.processing.progress, t.locale)]
        : [size, t.status.processing];
    case 'error':
      return [item.error?.message ?? t.status.error];
    default:
      return [size, t.status[item.status]];
  }
}

function statusIcon(status: UploadStatus): TemplateResult | typeof nothing {
  if (status === 'ready') return html`<span class="status-icon ready">${icon('done')}</span>`;
  if (status === 'error') return html`<span class="status-icon error">${icon('error')}</span>`;
  if (status === 'queued') return html`<span class="status-icon queued">${icon('queued')}</span>`;
  return nothing;
}

export function renderRow(
  item: UploadItem,
  t: MediabayStrings,
  onAction: (action: RowAction, item: UploadItem) => void,
): TemplateResult {
  const actions = rowActions(item);
  const processing = item.status === 'processing';
  const value = Math.round(processing ? (item.processing?.progress ?? 0) : item.progress);
  const showBar = item.status === 'uploading' || item.status === 'paused' || processing;
  return html`<li
    class="row"
    part="row row-${item.status}"
    data-operation-id=${item.operationId}
    data-status=${item.status}
  >
    <span class="type-icon" style="color:${typeColor[item.type]}">${typeIcon(item.type)}</span>
    <div class="text">
      <span class="name" part="row-name" dir="auto" title=${item.name}>${item.name}</span>
      <span class="detail" part="row-detail"
        >${detailParts(item, t).map((part, i) => html`${i > 0 ? ' · ' : ''}<bdi>${part}</bdi>`)}</span
      >
      <div
        class="bar ${processing ? 'processing' : ''}"
        part="row-progress"
        role="progressbar"
        aria-label=${t.progressOf(item.name)}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${value}
        aria-valuetext=${`${formatPercent(item.progress, t.locale)} · ${t.status[item.status]}`}
        ?hidden=${!showBar}
      >
        <div class="bar-fill ${item.status}" style="transform:scaleX(${value / 100})"></div>
      </div>
    </div>
    <div class="actions">
      ${statusIcon(item.status)}
      ${actions.map(
        (action) =>
          html`<button
            class="icon-button action-${action}"
            part="row-button row-${action}"
            type="button"
            data-action=${action}
            aria-label=${t[action === 'choose' ? 'chooseAgain' : action](item.name)}
            title=${t[action === 'choose' ? 'chooseAgain' : action](item.name)}
            @click=${() => onAction(action, item)}
          >
            ${icon(actionIcon[action])}
          </button>`,
      )}
    </div>
  </li>`;
}
