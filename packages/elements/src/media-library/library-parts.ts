// <media-library>'s parts that load on first use (lazy-modules.ts): the preview, the Activity view and
// the duplicate prompt, one controller each once its module is there. Opening one loads it; its
// styles join the library's sheet then; a module that fails to load (offline) says so in a toast.
import { nothing, type CSSResultOrNative, type ReactiveElement, type TemplateResult } from 'lit';
import type { MediaClient, MeState } from '@mediabay/core';
import type { MediaFile } from '@mediabay/core/protocol';
import type { MediabayStrings } from '../i18n/en.js';
import { LazyController, type LazyParts } from '../shared/lazy-part.js';
import { addStyles } from '../shared/lazy-styles.js';
import type { BeforeAddResult } from '../upload-dropzone/upload-dropzone.component.js';
import { activityModule, duplicatesModule, previewModule } from './lazy-modules.js';

/** what the parts read of the library */
type PartsHost = ReactiveElement & {
  readonly client?: MediaClient | undefined;
  readonly meState: MeState;
  readonly items: readonly MediaFile[];
  notify(message: string, tone: 'success' | 'error'): void;
};

export class LibraryParts {
  readonly #host: PartsHost;
  readonly #failed: () => void;
  readonly #preview;
  readonly #activity;
  readonly #duplicates;

  /** `before`: the sheet the parts' styles go in front of (forced colors); `failed`: a part did not load */
  constructor(host: PartsHost, lazy: LazyParts, before: CSSResultOrNative, failed: () => void) {
    this.#host = host;
    this.#failed = failed;
    this.#preview = new LazyController(lazy, previewModule, (m) => {
      addStyles(host, m.previewStyles, before);
      return new m.PreviewController(host);
    });
    this.#activity = new LazyController(lazy, activityModule, (m) => new m.ActivityController(host));
    this.#duplicates = new LazyController(lazy, duplicatesModule, (m) => new m.DuplicatePrompt(host));
  }

  /** a file is open in the preview */
  get previewing(): boolean {
    return !!this.#preview.value?.file;
  }

  openPreview(file: MediaFile): void {
    this.#preview.run((preview) => preview.open(file)).catch(this.#failed);
  }

  openActivity(): void {
    this.#activity.run((view) => view.show()).catch(this.#failed);
  }

  /** the dropzone's beforeAdd: at once when no file matches a listed one, else the duplicate prompt asks */
  readonly beforeAdd = (files: File[]): BeforeAddResult | Promise<BeforeAddResult> => {
    const matches = this.#host.client?.library.cachedDuplicates(files) ?? [];
    if (!matches.some(Boolean)) return { add: files, replace: [] };
    // without the prompt's module (offline) every file is kept: nothing the user picked is lost
    return this.#duplicates
      .run((prompt) => prompt)
      .then(
        (prompt) => prompt.decide(files, matches),
        () => ({ add: files, replace: [] }),
      );
  };

  render(t: MediabayStrings): (TemplateResult | typeof nothing)[] {
    return [
      this.#preview.value?.render(t) ?? nothing,
      this.#activity.value?.render(t) ?? nothing,
      this.#duplicates.value?.render(t) ?? nothing,
    ];
  }
}
