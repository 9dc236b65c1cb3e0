// The "Used in" field of the details pane: lists where a file is used and, for users who may
// manage usages, adds one (course id, optional lesson id) and removes one through the core's
// `library.addUsage` / `removeUsage`. The list changes at once and goes back if the server refuses.
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { MediaClient } from '@mediabay/core';
import type { MediaFile, Usage } from '@mediabay/core/protocol';
import type { MediabayStrings } from '../i18n/en.js';
import { icon } from '../shared/icons.js';

export interface UsagesHost extends ReactiveControllerHost {
  readonly client?: MediaClient | undefined;
  notify(message: string, tone: 'success' | 'error'): void;
}

export const usageLabel = (usage: Usage): string =>
  usage.lessonId ? `${usage.courseId} · ${usage.lessonId}` : usage.courseId;

const sameUsage = (a: Usage, b: Usage) =>
  a.courseId === b.courseId && (a.lessonId ?? '') === (b.lessonId ?? '');

export class UsagesEditor {
  /** null while loading */
  usages: Usage[] | null = null;
  #fileId = '';
  /** false for an upload's optimistic entry: nothing on the server to attach a usage to yet */
  #onServer = false;
  #host: UsagesHost;

  constructor(host: UsagesHost) {
    this.#host = host;
  }

  /** shows the file's known usages at once, then the server's current list */
  load(file: MediaFile): void {
    const id = file.id;
    this.#fileId = id;
    this.#onServer = file.id !== file.operationId;
    this.usages = this.#onServer ? null : [];
    if (!this.#onServer) return;
    this.#host.client?.library.usages(id).then(
      (usages) => this.#set(id, usages),
      () => this.#set(id, file.usages),
    );
  }

  #set(id: string, usages: Usage[]): void {
    if (this.#fileId !== id) return;
    this.usages = usages;
    this.#host.requestUpdate();
  }

  async #change(usage: Usage, add: boolean, t: MediabayStrings): Promise<boolean> {
    const client = this.#host.client;
    const id = this.#fileId;
    if (!client || !this.usages) return false;
    const before = this.usages;
    const others = before.filter((u) => !sameUsage(u, usage));
    this.#set(id, add ? [...others, usage] : others);
    try {
      const usages = add
        ? await client.library.addUsage(id, usage)
        : await client.library.removeUsage(id, usage);
      this.#set(id, usages);
      return true;
    } catch {
      this.#set(id, before);
      this.#host.notify(t.usageFailed, 'error');
      return false;
    }
  }

  #add(form: HTMLElement, t: MediabayStrings): void {
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
    void this.#change(lessonId ? { courseId, lessonId } : { courseId }, true, t);
  }

  render(t: MediabayStrings, canManage: boolean): TemplateResult {
    const usages = this.usages;
    const list =
      usages === null
        ? html`<span class="muted">${t.loading}</span>`
        : usages.length === 0
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
                            @click=${() => void this.#change(usage, false, t)}
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
      ${list} ${canManage && this.#onServer && usages !== null ? this.#renderAdd(t) : nothing}
    </div>`;
  }

  /** inputs, not a form: the details pane is already the rename/tags form */
  #renderAdd(t: MediabayStrings): TemplateResult {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      this.#add((event.target as HTMLElement).closest('.usage-add')!, t);
    };
    return html`<div class="usage-add" part="usage-add" role="group" aria-label=${t.addUsage}>
      <input name="courseId" aria-label=${t.courseId} placeholder=${t.courseId} @keydown=${onKeyDown} />
      <input name="lessonId" aria-label=${t.lessonId} placeholder=${t.lessonId} @keydown=${onKeyDown} />
      <button
        class="text-action"
        type="button"
        @click=${(event: Event) => this.#add((event.target as HTMLElement).closest('.usage-add')!, t)}
      >
        ${t.addUsage}
      </button>
    </div>`;
  }
}
