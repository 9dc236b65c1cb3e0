// The preview dialog: the file itself (preview-media.ts: video and audio from playbackUrl) beside a
// details pane to rename it, edit its tags and say where it is used. Saves via `library.update`;
// usages change one at a time (usages-editor.ts). Read-only where `$me` says the user may not change.
// Shows the file as the library's cache has it now (optimistic edits, other users' changes), so an
// edit or a socket event shows in an open pane; the drafts of name and tags stay the user's.
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { mayRename, mayTag, permits, type MediaClient, type MeState } from '@mediabay/core';
import type { MediaFile, Usage } from '@mediabay/core/protocol';
import type { MediabayStrings } from '../i18n/en.js';
import { formatBytes, formatDate, formatDuration } from '../shared/format.js';
import { renderDialogHead } from '../shared/dialog-head.js';
import { icon } from '../shared/icons-later.js';
import { previewMedia } from './preview-media.js';
import { renderFileLinks } from './file-links.js';
import { CaptionsEditor } from './captions-editor.js';
import { UsagesEditor } from './usages-editor.js';
import { keepFocus } from '../shared/focus-keeper.js';

export { default as dialogStyles } from '../shared/dialog.styles.js';

export { default as previewStyles } from './preview.styles.js';

interface PreviewHost extends ReactiveControllerHost, HTMLElement {
  readonly client?: MediaClient | undefined;
  readonly meState: MeState;
  /** the files the library lists now */
  readonly items: readonly MediaFile[];
  notify(message: string, tone: 'success' | 'error'): void;
}

export class PreviewController implements ReactiveController {
  /** the file as it was opened (or last saved) */
  file: MediaFile | null = null;
  name = '';
  tags: string[] = [];
  saving = false;
  #host: PreviewHost;
  /** open() asked for the dialog: the next render shows it */
  #showing = false;
  readonly #usages: UsagesEditor;
  readonly #captions: CaptionsEditor;
  /** the last lookup of `current`, redone only when the list or the opened file changes */
  #lookup: { items: readonly MediaFile[]; file: MediaFile; found: MediaFile } | undefined;

  constructor(host: PreviewHost) {
    this.#host = host;
    this.#usages = new UsagesEditor(host, (id, usages) => this.#confirmed(id, usages));
    this.#captions = new CaptionsEditor(host, (file) => this.#confirmed(file.id, file.usages, file));
    host.addController(this);
  }

  /** The opened file as the library lists it now; as opened when no list holds it. */
  get current(): MediaFile | null {
    const file = this.file;
    if (!file) return null;
    const items = this.#host.items;
    if (this.#lookup?.items === items && this.#lookup.file === file) return this.#lookup.found;
    // an upload's optimistic entry is replaced by its server file (new id, same operationId)
    const optimistic = file.id === file.operationId;
    const found =
      items.find((item) => item.id === file.id || (optimistic && item.operationId === file.operationId)) ??
      file;
    this.#lookup = { items, file, found };
    return found;
  }

  /** a file no list holds gets the server's answer here; a listed one already has it from core */
  #confirmed(id: string, usages: Usage[], file?: MediaFile): void {
    if (this.file?.id !== id) return;
    this.file = { ...this.file, usages, ...(file ? { captions: file.captions ?? [] } : {}) };
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.file = null;
  }

  /** Opens the dialog on `file`: it shows in the render this asks for (before `updateComplete`). */
  open(file: MediaFile): void {
    this.file = file;
    this.name = file.name;
    this.tags = [...file.tags];
    this.#showing = true;
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    if (!this.#showing) return;
    this.#showing = false;
    const dialog = this.#dialog();
    if (this.file && dialog && !dialog.open) dialog.showModal();
  }

  close(): void {
    this.#dialog()?.close();
    this.file = null;
    this.#host.requestUpdate();
  }

  #dialog(): HTMLDialogElement | null {
    return this.#host.shadowRoot?.querySelector('dialog.preview') ?? null;
  }

  get #dirty(): boolean {
    const file = this.file;
    return !!file && (this.name.trim() !== file.name || this.tags.join('\n') !== file.tags.join('\n'));
  }

  async #save(t: MediabayStrings): Promise<void> {
    const file = this.current;
    const client = this.#host.client;
    if (!file || !client || !this.#dirty || !this.name.trim()) return;
    this.saving = true;
    this.#host.requestUpdate();
    try {
      this.file = await client.library.update(file.id, { name: this.name.trim(), tags: this.tags });
      this.name = this.file.name;
      this.tags = [...this.file.tags];
    } catch {
      this.#host.notify(t.updateFailed, 'error');
    } finally {
      this.saving = false;
      this.#host.requestUpdate();
    }
  }

  /** the chip's button goes with it: focus moves to the next chip, else the one before, else the field */
  #removeTag(tag: string): void {
    const at = this.tags.indexOf(tag);
    this.tags = this.tags.filter((other) => other !== tag);
    this.#host.requestUpdate();
    void keepFocus(this.#host, () => {
      const root = this.#host.shadowRoot;
      const chips = [...(root?.querySelectorAll<HTMLElement>('.chip button') ?? [])];
      return [chips[at], chips[at - 1], root?.querySelector('.mini-field input[name="tag"]')];
    });
  }

  #addTag(input: HTMLInputElement): void {
    const tag = input.value.trim();
    input.value = '';
    if (tag && !this.tags.includes(tag)) this.tags = [...this.tags, tag];
    this.#host.requestUpdate();
  }

  /** Uploads `picked` as the file's new bytes; the pane shows the new version once it is processed. */
  #replace(file: MediaFile, picked: File, t: MediabayStrings): void {
    const client = this.#host.client;
    if (!client) return;
    const { accepted, rejected } = client.replaceFile(file.id, picked);
    if (accepted.length > 0) this.#host.notify(t.replacing(file.name), 'success');
    else this.#host.notify(rejected[0]?.message ?? t.updateFailed, 'error');
  }

  render(t: MediabayStrings): TemplateResult {
    const file = this.current;
    return html`<dialog
      class="preview"
      part="dialog preview-dialog"
      aria-label=${file ? t.preview(file.name) : t.details}
      @close=${() => {
        this.file = null;
        this.#host.requestUpdate();
      }}
    >
      ${file ? this.#content(file, t) : nothing}
    </dialog>`;
  }

  #content(file: MediaFile, t: MediabayStrings): TemplateResult {
    const facts = [
      t.mediaType[file.type],
      formatBytes(file.size, t.locale),
      file.width && file.height ? `${file.width} × ${file.height}` : '',
      file.durationMs ? formatDuration(file.durationMs) : '',
      formatDate(file.createdAt, t.locale),
    ].filter(Boolean);
    const canRename = mayRename(this.#host.meState, file);
    const canTag = mayTag(this.#host.meState, file);
    return html`<div class="preview-stage">${previewMedia(file, t)}</div>
      <form
        class="details"
        part="details"
        @submit=${(event: Event) => {
          event.preventDefault();
          void this.#save(t);
        }}
      >
        ${renderDialogHead(t.details, t.close, () => this.close())}
        <p class="facts">${facts.join(' · ')}</p>
        ${renderFileLinks(file, t, {
          notify: (message, tone) => this.#host.notify(message, tone),
          ...(canRename ? { replace: (picked: File) => this.#replace(file, picked, t) } : {}),
        })}
        <label class="field">
          <span>${t.rename}</span>
          <input
            name="name"
            .value=${this.name}
            ?readonly=${!canRename}
            required
            @input=${(event: Event) => {
              this.name = (event.target as HTMLInputElement).value;
              this.#host.requestUpdate();
            }}
          />
        </label>
        <div class="field">
          <span id="tags-label">${t.tags}</span>
          ${this.tags.length === 0 && !canTag ? html`<span class="muted">${t.noTags}</span>` : nothing}
          <ul class="chips" aria-labelledby="tags-label" ?hidden=${this.tags.length === 0}>
            ${this.tags.map(
              (tag) =>
                html`<li class="chip">
                  ${tag}
                  ${
                    canTag
                      ? html`<button
                          type="button"
                          aria-label=${t.removeTag(tag)}
                          title=${t.removeTag(tag)}
                          @click=${() => this.#removeTag(tag)}
                        >
                          ${icon('close')}
                        </button>`
                      : nothing
                  }
                </li>`,
            )}
          </ul>
          ${
            canTag
              ? html`<label class="mini-field"
                  ><span>${t.tagPrompt}</span
                  ><input
                    name="tag"
                    @keydown=${(event: KeyboardEvent) => {
                      if (event.key !== 'Enter') return;
                      event.preventDefault();
                      this.#addTag(event.target as HTMLInputElement);
                    }}
                    @change=${(event: Event) => this.#addTag(event.target as HTMLInputElement)}
                /></label>`
              : nothing
          }
        </div>
        ${this.#usages.render(file, t, permits(this.#host.meState, 'manageUsages'))}
        ${this.#captions.render(file, t, canRename)}
        ${
          canRename || canTag
            ? html`<div class="dialog-actions">
                <button
                  class="filled-action"
                  type="submit"
                  aria-disabled=${String(!this.#dirty || this.saving)}
                >
                  ${t.save}
                </button>
              </div>`
            : nothing
        }
      </form>`;
  }
}
