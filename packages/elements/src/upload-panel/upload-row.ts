// One row of the upload panel: type icon, name, size and progress line, a progressbar, and the
// buttons that the row's status allows (a table, so "what can I do while paused?" is one lookup).
import { html, nothing, type TemplateResult } from 'lit';
import type { UploadItem, UploadStatus } from '@mediabay/core';
import type { MediabayStrings } from '../i18n/en.js';
import { formatBytes, formatPercent, formatTimeLeft } from '../shared/format.js';
import { icon, typeColor, typeIcon, type IconName } from '../shared/icons-later.js';
import { countdown } from '../shared/countdown.js';
import { uploadErrorText } from '../i18n/upload-errors.js';

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

/** A part of the detail line: text, or a countdown that ticks by itself. */
export type DetailPart = string | ReturnType<typeof countdown>;

/** What a row waiting to be tried again by itself says (`item.waiting`), or null when it is not. */
function waitingPart(item: UploadItem, t: MediabayStrings): DetailPart | null {
  const waiting = item.waiting;
  if (!waiting || (item.status !== 'uploading' && item.status !== 'queued')) return null;
  if (waiting.reason === 'offline' || waiting.reason === 'unreachable') return t.waitingConnection;
  return countdown(waiting.retryAt, t.waitingServer);
}

/**
 * The parts of a row's detail line ("18 MB of 120 MB", "15%", "7 sec left"), each rendered isolated:
 * in a right-to-left page a part that starts with digits would otherwise borrow its neighbours'
 * direction and come out scrambled ("MB of 120 MB · 15% · 7 sec left 18").
 */
export function detailParts(item: UploadItem, t: MediabayStrings): DetailPart[] {
  const size = formatBytes(item.size, t.locale);
  if (item.waitingForFile && item.status !== 'ready') return [t.waitingForFile];
  const sent = () => t.sizeOf(formatBytes(item.bytesUploaded, t.locale), size);
  const waiting = waitingPart(item, t);
  switch (item.status) {
    case 'queued':
      return waiting ? [waiting, size] : [size, t.status.queued];
    case 'uploading': {
      // no percent or time left while nothing moves: the last known bytes stay as they were
      if (waiting) return [waiting, sent()];
      // every byte sent, the server's answer to come: no "1 sec left" at 100 %
      if (item.size > 0 && item.bytesUploaded >= item.size) return [sent(), t.finishing];
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
      return [uploadErrorText(item.error, t)];
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
  const parts = detailParts(item, t);
  const failed = item.status === 'error';
  return html`<li
    class="row"
    part="row row-${item.status}"
    data-operation-id=${item.operationId}
    data-status=${item.status}
    data-waiting=${item.waiting && !failed ? item.waiting.reason : nothing}
  >
    <span class="type-icon" style="color:${typeColor[item.type]}">${typeIcon(item.type)}</span>
    <div class="text">
      <span class="name" part="row-name" dir="auto" title=${item.name}>${item.name}</span>
      <span
        class="detail"
        part="row-detail"
        title=${failed && typeof parts[0] === 'string' ? parts[0] : nothing}
        >${parts.map((part, i) => html`${i > 0 ? ' · ' : ''}<bdi>${part}</bdi>`)}</span
      >
      <div
        class="bar ${processing ? 'processing' : ''}"
        part="row-progress"
        role="progressbar"
        aria-label=${t.progressOf(item.name)}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${value}
        aria-valuetext=${`${formatPercent(value, t.locale)} · ${t.status[item.status]}`}
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
