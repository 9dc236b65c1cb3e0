// The panel's title and its summary strip: overall progress of the current batch ("3 of 10 done",
// time left, the overall bar) and the batch actions (Cancel all, Retry all failed). Pure templates
// over `BatchState`; the panel owns the actions.
import { html, nothing, type TemplateResult } from 'lit';
import type { BatchState } from '@mediabay/core';
import type { MediabayStrings } from '../i18n/en.js';
import { formatPercent, formatTimeLeft } from '../shared/format.js';

export interface SummaryActions {
  cancelAll(): void;
  retryAll(): void;
}

/** files of the panel still on their way (paused ones included: they are not done) */
export const working = (batch: BatchState): number =>
  batch.counts.queued + batch.counts.uploading + batch.counts.paused + batch.counts.processing;

/** "Uploading 7 items" while files move ("Waiting for connection…" offline), then "10 uploads complete" / "8 uploads complete, 2 failed". */
export function panelTitle(batch: BatchState | undefined, t: MediabayStrings, offline = false): string {
  if (!batch) return t.panelLabel;
  const moving = working(batch);
  // nothing can move while the browser is offline: say what the rows wait for
  if (moving > 0 && offline && batch.counts.uploading + batch.counts.queued > 0) return t.waitingConnection;
  if (moving > 0) return t.panelUploading(moving);
  // the finished batch counts its files even after they left the panel; without one, what is listed
  const done = batch.batchTotal > 0 ? batch.batchDone : batch.counts.ready;
  const failed = Math.max(batch.batchTotal > 0 ? batch.batchFailed : 0, batch.counts.error);
  if (done === 0 && failed > 0) return t.panelFailed(failed);
  return t.batchDone(done, failed);
}

/**
 * "7 sec left"; "Finishing…" once every byte is sent and the server's answers are to come (not "1 sec
 * left" at 100 %, like the rows); the percent while the time is not known.
 */
function remaining(batch: BatchState, t: MediabayStrings, percent: string): string {
  if (batch.timeRemaining === 0) return t.finishing;
  const left = formatTimeLeft(batch.timeRemaining ?? null, t.locale);
  return left ? t.timeLeft(left) : percent;
}

/** The summary strip, or nothing when there is no batch to show and no failure to retry. */
export function renderSummary(
  batch: BatchState | undefined,
  t: MediabayStrings,
  actions: SummaryActions,
): TemplateResult | typeof nothing {
  if (!batch) return nothing;
  const moving = working(batch) > 0;
  const failed = batch.counts.error;
  if (!moving && failed === 0) return nothing;
  const value = Math.floor(Math.min(100, Math.max(0, batch.progress)));
  const percent = formatPercent(value, t.locale);
  const total = Math.max(batch.batchTotal, 1);
  return html`<div class="summary" part="summary">
    <span class="summary-text"
      >${
        moving
          ? html`<bdi>${remaining(batch, t, percent)}</bdi> ·
              <bdi>${t.panelProgress(batch.batchDone, total)}</bdi>`
          : nothing
      }</span
    >
    <span class="summary-actions">
      ${
        failed > 0
          ? html`<button class="text-button" part="retry-all" type="button" @click=${actions.retryAll}>
              ${t.retryAllFailed}
            </button>`
          : nothing
      }
      ${
        moving
          ? html`<button class="text-button" part="cancel-all" type="button" @click=${actions.cancelAll}>
              ${t.cancelAll}
            </button>`
          : nothing
      }
    </span>
    ${
      moving
        ? html`<div
            class="overall"
            part="overall-progress"
            role="progressbar"
            aria-label=${t.panelLabel}
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=${value}
            aria-valuetext=${`${percent} · ${t.panelProgress(batch.batchDone, total)}`}
          >
            <div class="bar-fill" style="transform:scaleX(${batch.progress / 100})"></div>
          </div>`
        : nothing
    }
  </div>`;
}
