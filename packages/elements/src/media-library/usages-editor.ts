// The "Used in" field of the details pane: lists where a file is used and, for users who may
// manage usages, adds one (course id, optional lesson id) and removes one through the core's
// `library.addUsage` / `removeUsage`. It keeps no list of its own: it renders the file as the
// library's cache has it, which core edits at once and puts back if the server refuses.
import { html, nothing, type TemplateResult } from 'lit';
import type { MediaClient } from '@mediabay/core';
import type { MediaFile, Usage } from '@mediabay/core/protocol';
import type { MediabayStrings } from '../i18n/en.js';
import { icon } from '../shared/icons-later.js';

export interface UsagesHost {
  readonly client?: MediaClient | undefined;
  notify(message: string, tone: 'success' | 'error'): void;
}

export const usageLabel = (usage: Usage): string =>
  usage.lessonId ? `${usage.courseId} · ${usage.lessonId}` : usage.courseId;

export class UsagesEditor {
  #host: UsagesHost;
  /** the server's list after a change: what the pane shows of a file no cached list holds */
  #confirmed: (id: string, usages: Usage[]) => void;

  constructor(host: UsagesHost, confirmed: (id: string, usages: Usage[]) => void) {
    this.#host = host;
    this.#confirmed = confirmed;
  }

  async #change(id: string, usage: Usage, add: boolean, t: MediabayStrings): Promise<void> {
    const library = this.#host.client?.library;
    if (!library) return;
    try {
      this.#confirmed(id, add ? await library.addUsage(id, usage) : await library.removeUsage(id, usage));
    } catch {
      // core has already put the cached file back
      this.#host.notify(t.usageFailed, 'error');
    }
  }

  #add(id: string, form: HTMLElement, t: MediabayStrings): void {
    const course = form.querySelector<HTMLInputElement>('input[name="courseId"]')!;
    const lesson = form.querySelector<HTMLInputElement>('input[name="lessonId"]')!;
    const courseId = course.value.trim();
    const lessonId = lesson.value.trim();
    if (!courseId) {
      course.focus();
      return;
    }
    course.value = '';
    lesson.value = '';
    course.focus();
    void this.#change(id, lessonId ? { courseId, lessonId } : { courseId }, true, t);
  }

  /** `file`: the file as the library's cache has it now */
  render(file: MediaFile, t: MediabayStrings, canManage: boolean): TemplateResult {
    const usages = file.usages;
    // an upload's optimistic entry has nothing on the server to attach a usage to yet
    const onServer = file.id !== file.operationId;
    const list =
      usages.length === 0
        ? html`<span class="muted">${t.noUsages}</span>`
        : html`<ul class="usages ${canManage ? 'editable' : ''}" aria-labelledby="usages-label">
            ${usages.map(
              (usage) =>
                html`<li data-course-id=${usage.courseId} data-lesson-id=${usage.lessonId ?? nothing}>
                  <span>${usageLabel(usage)}</span>
                  ${
                    canManage
                      ? html`<button
                          class="icon-button small"
                          type="button"
                          aria-label=${t.removeUsage(usageLabel(usage))}
                          title=${t.removeUsage(usageLabel(usage))}
                          @click=${() => void this.#change(file.id, usage, false, t)}
                        >
                          ${icon('close')}
                        </button>`
                      : nothing
                  }
                </li>`,
            )}
          </ul>`;
    return html`<div class="field" part="usages">
      <span id="usages-label">${t.usages}</span>
      ${list} ${canManage && onServer ? this.#renderAdd(file.id, t) : nothing}
    </div>`;
  }

  /** inputs, not a form: the details pane is already the rename/tags form */
  #renderAdd(id: string, t: MediabayStrings): TemplateResult {
    const add = (event: Event) => this.#add(id, (event.target as HTMLElement).closest('.usage-add')!, t);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      add(event);
    };
    return html`<div class="usage-add" part="usage-add" role="group" aria-label=${t.addUsage}>
      <label class="mini-field"
        ><span>${t.courseId}</span><input name="courseId" @keydown=${onKeyDown}
      /></label>
      <label class="mini-field"
        ><span>${t.lessonId}</span><input name="lessonId" @keydown=${onKeyDown}
      /></label>
      <button class="text-action" type="button" @click=${add}>${t.addUsage}</button>
    </div>`;
  }
}
