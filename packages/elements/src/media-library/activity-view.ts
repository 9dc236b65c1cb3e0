// The Activity view for admins: the audit log (who did what to which file, when), newest first,
// filtered by action, user and dates, one page at a time ("Load more" follows the cursor). Reads
// through core's library.audit; the element only renders and dispatches.
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { AuditParams, MediaClient } from '@mediabay/core';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '@mediabay/core/protocol';
import type { MediabayStrings } from '../i18n/en.js';
import { formatDate } from '../shared/format.js';
import { renderDialogHead } from '../shared/dialog-head.js';

export { default as dialogStyles } from '../shared/dialog.styles.js';
export { activityStyles } from './activity.styles.js';

const PAGE = 50;

interface ActivityHost extends ReactiveControllerHost, HTMLElement {
  readonly client?: MediaClient | undefined;
}

/** `yyyy-mm-dd` of a date input -> the ISO start of that day (local time); `end` the next day's. */
function dayBound(value: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const day = new Date(`${value}T00:00:00`);
  if (end) day.setDate(day.getDate() + 1);
  return Number.isNaN(day.getTime()) ? undefined : day.toISOString();
}

export class ActivityController implements ReactiveController {
  open = false;
  entries: AuditEntry[] = [];
  nextCursor: string | null = null;
  loading = false;
  failed = false;
  filters = { action: '', userId: '', since: '', until: '' };
  #host: ActivityHost;
  #request = 0;
  /** show() asked for the dialog: the next render shows it */
  #showing = false;

  constructor(host: ActivityHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.open = false;
  }

  /** Opens the view and loads its first page: the dialog shows in the render this asks for. */
  show(): void {
    this.open = true;
    this.#showing = true;
    void this.#load(false);
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    if (!this.#showing) return;
    this.#showing = false;
    const dialog = this.#host.shadowRoot?.querySelector<HTMLDialogElement>('dialog.activity');
    if (this.open && dialog && !dialog.open) dialog.showModal();
  }

  close(): void {
    this.#host.shadowRoot?.querySelector<HTMLDialogElement>('dialog.activity')?.close();
    this.open = false;
    this.#host.requestUpdate();
  }

  #params(cursor: string | null): AuditParams {
    const { action, userId, since, until } = this.filters;
    const params: AuditParams = { limit: PAGE };
    if (action) params.action = action as AuditAction;
    if (userId.trim()) params.userId = userId.trim();
    const from = dayBound(since, false);
    const to = dayBound(until, true);
    if (from) params.since = from;
    if (to) params.until = to;
    if (cursor) params.cursor = cursor;
    return params;
  }

  async #load(more: boolean): Promise<void> {
    const client = this.#host.client;
    if (!client) return;
    const request = ++this.#request;
    this.loading = true;
    this.failed = false;
    if (!more) this.entries = [];
    this.#host.requestUpdate();
    try {
      const page = await client.library.audit(this.#params(more ? this.nextCursor : null));
      if (request !== this.#request) return;
      this.entries = more ? [...this.entries, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
    } catch {
      if (request === this.#request) this.failed = true;
    } finally {
      if (request === this.#request) {
        this.loading = false;
        this.#host.requestUpdate();
      }
    }
  }

  #filter(name: keyof ActivityController['filters'], value: string): void {
    this.filters = { ...this.filters, [name]: value };
    void this.#load(false);
  }

  render(t: MediabayStrings): TemplateResult | typeof nothing {
    if (!this.open) return nothing;
    const change = (name: keyof ActivityController['filters']) => (event: Event) =>
      this.#filter(name, (event.target as HTMLInputElement | HTMLSelectElement).value);
    return html`<dialog
      class="activity"
      part="dialog activity-dialog"
      aria-labelledby="activity-title"
      @close=${() => {
        this.open = false;
        this.#host.requestUpdate();
      }}
    >
      ${renderDialogHead(t.activity, t.close, () => this.close(), 'activity-title')}
      <div class="activity-filters" part="activity-filters">
        <label class="field"
          ><span>${t.activityAction}</span>
          <select class="select" name="action" @change=${change('action')}>
            <option value="">${t.activityAllActions}</option>
            ${AUDIT_ACTIONS.map((a) => html`<option value=${a} ?selected=${this.filters.action === a}>${t.auditAction[a] ?? a}</option>`)}
          </select></label
        >
        <label class="field"
          ><span>${t.activityUser}</span
          ><input name="userId" .value=${this.filters.userId} @change=${change('userId')}
        /></label>
        <label class="field"
          ><span>${t.activityFrom}</span
          ><input type="date" name="since" .value=${this.filters.since} @change=${change('since')}
        /></label>
        <label class="field"
          ><span>${t.activityTo}</span
          ><input type="date" name="until" .value=${this.filters.until} @change=${change('until')}
        /></label>
      </div>
      ${this.failed ? html`<p class="activity-note" role="alert">${t.activityFailed}</p>` : nothing}
      ${!this.loading && !this.failed && this.entries.length === 0 ? html`<p class="activity-note">${t.activityEmpty}</p>` : nothing}
      ${this.entries.length > 0 ? this.#table(t) : nothing}
      <div class="activity-foot">
        ${this.loading ? html`<span role="status">${t.activityLoading}</span>` : nothing}
        ${
          this.nextCursor && !this.loading
            ? html`<button
                class="tool-button"
                part="activity-more"
                type="button"
                @click=${() => void this.#load(true)}
              >
                ${t.loadMore}
              </button>`
            : nothing
        }
      </div>
    </dialog>`;
  }

  #table(t: MediabayStrings): TemplateResult {
    return html`<table class="activity-table" part="activity-table">
      <thead>
        <tr>
          <th scope="col">${t.activityWhen}</th>
          <th scope="col">${t.activityUser}</th>
          <th scope="col">${t.activityAction}</th>
          <th scope="col">${t.activityFile}</th>
        </tr>
      </thead>
      <tbody>
        ${this.entries.map(
          (entry) =>
            html`<tr data-action=${entry.action} data-user=${entry.userId}>
              <td><bdi>${formatDate(entry.at, t.locale)}</bdi></td>
              <td><bdi>${entry.userId}</bdi></td>
              <td>${t.auditAction[entry.action] ?? entry.action}</td>
              <td>
                <bdi
                  >${typeof entry.detail?.name === 'string' ? entry.detail.name : (entry.fileId ?? '')}</bdi
                >
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}
