// Asks, like Drive, what to do with a file whose name and size match a library file: Keep both,
// Replace (the library file's bytes, keeping its id, tags and usages) or Skip, one file at a time,
// with "Apply to all" for the rest of the batch. Core finds the duplicates among the files this client
// has listed (library.cachedDuplicates): no request, so files without a match start at once.
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { MediaClient } from '@mediabay/core';
import type { MediaFile } from '@mediabay/core/protocol';
import type { BeforeAddResult } from '../upload-dropzone/upload-dropzone.component.js';
import type { MediabayStrings } from '../i18n/en.js';

export { default as dialogStyles } from '../shared/dialog.styles.js';

export type DuplicateChoice = 'keep' | 'replace' | 'skip';

interface Asking {
  file: File;
  match: MediaFile;
  /** duplicates left after this one */
  remaining: number;
  answer(choice: DuplicateChoice, all: boolean): void;
}

interface PromptHost extends ReactiveControllerHost, HTMLElement {
  readonly client?: MediaClient | undefined;
}

export class DuplicatePrompt implements ReactiveController {
  asking: Asking | undefined;
  #host: PromptHost;

  constructor(host: PromptHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.asking?.answer('skip', true);
  }

  /** Asks about each duplicate in turn; `matches[i]` is the library file `files[i]` matches, if any. */
  async decide(files: File[], matches: (MediaFile | undefined)[]): Promise<BeforeAddResult> {
    const result: BeforeAddResult = { add: [], replace: [] };
    let left = matches.filter(Boolean).length;
    let forAll: DuplicateChoice | undefined;
    for (const [index, file] of files.entries()) {
      const match = matches[index];
      if (!match) {
        result.add.push(file);
        continue;
      }
      left -= 1;
      const choice = forAll ?? (await this.#ask(file, match, left, (all, c) => all && (forAll = c)));
      if (choice === 'keep') result.add.push(file);
      else if (choice === 'replace') result.replace.push({ file, fileId: match.id });
    }
    return result;
  }

  #ask(
    file: File,
    match: MediaFile,
    remaining: number,
    remember: (all: boolean, choice: DuplicateChoice) => void,
  ): Promise<DuplicateChoice> {
    return new Promise((resolve) => {
      this.asking = {
        file,
        match,
        remaining,
        answer: (choice, all) => {
          remember(all, choice);
          this.asking = undefined;
          this.#dialog()?.close();
          this.#host.requestUpdate();
          resolve(choice);
        },
      };
      this.#host.requestUpdate();
      void (this.#host as unknown as { updateComplete: Promise<unknown> }).updateComplete.then(() => {
        const dialog = this.#dialog();
        if (dialog && !dialog.open) dialog.showModal();
      });
    });
  }

  #dialog(): HTMLDialogElement | null | undefined {
    return this.#host.shadowRoot?.querySelector<HTMLDialogElement>('dialog.duplicate');
  }

  render(t: MediabayStrings): TemplateResult | typeof nothing {
    const asking = this.asking;
    if (!asking) return nothing;
    const all = () => this.#dialog()?.querySelector<HTMLInputElement>('input[name="all"]')?.checked === true;
    const choose = (choice: DuplicateChoice) => () => asking.answer(choice, all());
    return html`<dialog
      class="confirm duplicate"
      part="dialog duplicate-dialog"
      aria-labelledby="duplicate-title"
      aria-describedby="duplicate-body"
      @cancel=${(event: Event) => {
        event.preventDefault(); // Escape skips this file
        asking.answer('skip', false);
      }}
    >
      <h2 class="dialog-title" id="duplicate-title">${t.duplicateTitle}</h2>
      <p id="duplicate-body"><bdi>${t.duplicateBody(asking.file.name)}</bdi></p>
      ${
        asking.remaining > 0
          ? html`<label class="duplicate-all"
              ><input type="checkbox" name="all" /> ${t.duplicateApplyAll(asking.remaining)}</label
            >`
          : nothing
      }
      <div class="dialog-actions">
        <button class="text-action" part="duplicate-skip" type="button" @click=${choose('skip')}>
          ${t.duplicateSkip}
        </button>
        <button class="text-action" part="duplicate-replace" type="button" @click=${choose('replace')}>
          ${t.duplicateReplace}
        </button>
        <button class="filled-action" part="duplicate-keep" type="button" autofocus @click=${choose('keep')}>
          ${t.duplicateKeep}
        </button>
      </div>
    </dialog>`;
  }
}
