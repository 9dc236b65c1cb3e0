// Getting a file back out of the library, in the details pane: Download (the content route with
// `?download=1`, which answers an attachment under the file's own name) and Copy link (its address);
// and putting a corrected version in: Replace file… (same id, tags and usages: core's replaceFile).
import { html, nothing, type TemplateResult } from 'lit';
import type { MediaFile } from '@mediabay/core/protocol';
import type { MediabayStrings } from '../i18n/en.js';
import { icon } from '../shared/icons-later.js';

/** The file's content address, absolute (core resolves it against the endpoint). */
export const fileLink = (file: MediaFile): string => new URL(file.contentUrl, document.baseURI).href;

export function downloadUrl(file: MediaFile): string {
  const url = new URL(fileLink(file));
  url.searchParams.set('download', '1');
  return url.href;
}

export interface FileLinkActions {
  notify(message: string, tone: 'success' | 'error'): void;
  /** set when the user may replace the file's bytes */
  replace?: (picked: File) => void;
}

export function renderFileLinks(
  file: MediaFile,
  t: MediabayStrings,
  actions: FileLinkActions,
): TemplateResult | typeof nothing {
  const { notify, replace } = actions;
  if (!file.contentUrl || file.id === file.operationId) return nothing; // an upload not yet a file
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(fileLink(file));
      notify(t.linkCopied, 'success');
    } catch {
      notify(t.copyFailed, 'error');
    }
  };
  return html`<div class="file-links">
    <a class="tool-button" part="download" href=${downloadUrl(file)} download=${file.name}>
      ${icon('download')}<span>${t.download}</span>
    </a>
    <button class="tool-button" part="copy-link" type="button" @click=${() => void copy()}>
      ${icon('link')}<span>${t.copyLink}</span>
    </button>
    ${
      replace
        ? html`<button
              class="tool-button"
              part="replace-button"
              type="button"
              @click=${(event: Event) =>
                (event.currentTarget as HTMLElement).parentElement
                  ?.querySelector<HTMLInputElement>('input[type="file"]')
                  ?.click()}
            >
              ${icon('upload')}<span>${t.replaceFile}</span>
            </button>
            <input
              type="file"
              part="replace-input"
              hidden
              tabindex="-1"
              aria-label=${t.replaceFile}
              @change=${(event: Event) => {
                const input = event.target as HTMLInputElement;
                const picked = input.files?.[0];
                input.value = '';
                if (picked) replace(picked);
              }}
            />`
        : nothing
    }
  </div>`;
}
