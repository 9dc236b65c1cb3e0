// The "Captions" field of the details pane (video and audio): lists the file's caption tracks and,
// for users who may edit the file, adds one (a WebVTT or SRT file, a language tag, an optional
// label) and removes one through core's `library.setCaption` / `removeCaption`. It keeps no list of
// its own: it renders the file as the library's cache has it.
import { html, nothing, type TemplateResult } from 'lit';
import { MediaApiError, type MediaClient } from '@mediabay/core';
import type { CaptionTrack, MediaFile } from '@mediabay/core/protocol';
import type { MediabayStrings } from '../i18n/en.js';
import { icon } from '../shared/icons-later.js';

export interface CaptionsHost {
  readonly client?: MediaClient | undefined;
  notify(message: string, tone: 'success' | 'error'): void;
}

const trackName = (track: CaptionTrack): string =>
  track.label ? `${track.label} (${track.lang})` : track.lang;

export class CaptionsEditor {
  #host: CaptionsHost;
  /** the server's answer to an add: what the pane shows of a file no cached list holds */
  #confirmed: (file: MediaFile) => void;

  constructor(host: CaptionsHost, confirmed: (file: MediaFile) => void) {
    this.#host = host;
    this.#confirmed = confirmed;
  }

  #failed(error: unknown, t: MediabayStrings): void {
    // a refusal of the server says why in a sentence (bad language tag, not a caption file...)
    const message = error instanceof MediaApiError && error.status < 500 ? error.message : '';
    this.#host.notify(message ? `${t.captionFailed} ${message}` : t.captionFailed, 'error');
  }

  async #add(id: string, group: HTMLElement, t: MediabayStrings): Promise<void> {
    const library = this.#host.client?.library;
    const input = (name: string) => group.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
    const picked = input('captionFile').files?.[0];
    const lang = input('captionLang').value.trim();
    if (!picked || !lang || !library) {
      (picked ? input('captionLang') : input('captionFile')).focus();
      return;
    }
    const label = input('captionLabel').value.trim();
    try {
      this.#confirmed(await library.setCaption(id, lang, await picked.text(), label || undefined));
      for (const name of ['captionFile', 'captionLang', 'captionLabel']) input(name).value = '';
    } catch (error) {
      this.#failed(error, t);
    }
  }

  async #remove(id: string, lang: string, t: MediabayStrings): Promise<void> {
    try {
      await this.#host.client?.library.removeCaption(id, lang);
    } catch (error) {
      this.#failed(error, t); // core has already put the track back
    }
  }

  /** `file`: the file as the library's cache has it now; nothing for files that do not play */
  render(file: MediaFile, t: MediabayStrings, canEdit: boolean): TemplateResult | typeof nothing {
    if (file.type !== 'video' && file.type !== 'audio') return nothing;
    const tracks = file.captions ?? [];
    const onServer = file.id !== file.operationId;
    const list =
      tracks.length === 0
        ? html`<span class="muted">${t.noCaptions}</span>`
        : html`<ul class="usages captions" aria-labelledby="captions-label">
            ${tracks.map(
              (track) =>
                html`<li data-lang=${track.lang}>
                  <a href=${track.url} target="_blank" rel="noopener">${trackName(track)}</a>
                  ${
                    canEdit
                      ? html`<button
                          class="icon-button small"
                          type="button"
                          aria-label=${t.removeCaption(trackName(track))}
                          title=${t.removeCaption(trackName(track))}
                          @click=${() => void this.#remove(file.id, track.lang, t)}
                        >
                          ${icon('close')}
                        </button>`
                      : nothing
                  }
                </li>`,
            )}
          </ul>`;
    return html`<div class="field" part="captions">
      <span id="captions-label">${t.captions}</span>
      ${list} ${canEdit && onServer ? this.#renderAdd(file.id, t) : nothing}
    </div>`;
  }

  /** inputs, not a form: the details pane is already the rename/tags form */
  #renderAdd(id: string, t: MediabayStrings): TemplateResult {
    const add = (event: Event) =>
      void this.#add(id, (event.target as HTMLElement).closest('.caption-add')!, t);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter') return;
      event.preventDefault(); // not the pane's rename form
      add(event);
    };
    return html`<div class="usage-add caption-add" part="caption-add" role="group" aria-label=${t.addCaption}>
      <label class="mini-field"
        ><span>${t.captionFile}</span
        ><input name="captionFile" type="file" accept=".vtt,.srt,text/vtt,application/x-subrip"
      /></label>
      <label class="mini-field"
        ><span>${t.captionLanguage}</span><input name="captionLang" @keydown=${onKeyDown}
      /></label>
      <label class="mini-field"
        ><span>${t.captionLabel}</span><input name="captionLabel" @keydown=${onKeyDown}
      /></label>
      <button class="text-action" type="button" @click=${add}>${t.addCaption}</button>
    </div>`;
  }
}
