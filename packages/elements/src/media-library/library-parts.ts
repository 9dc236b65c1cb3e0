// <media-library>'s parts that load on first use (lazy-modules.ts): the confirm dialog, the preview,
// the Activity view and the duplicate prompt, one controller each once its module is there. Opening
// one loads it; its styles join the library's sheet then; a module that fails to load (offline) says
// so in a toast (a question it cannot ask is answered Cancel, so nothing is deleted unasked).
import { nothing, type CSSResultOrNative, type ReactiveElement, type TemplateResult } from 'lit';
import type { MediaClient, MeState } from '@mediabay/core';
import type { MediaFile } from '@mediabay/core/protocol';
import type { MediabayStrings } from '../i18n/en.js';
import { LazyController, type LazyParts } from '../shared/lazy-part.js';
import { addStyles } from '../shared/lazy-styles.js';
import type { Answer, Asker, Question } from '../shared/dialog-controller.js';
import type { BeforeAddResult } from '../upload-dropzone/upload-dropzone.component.js';
import { activityModule, dialogModule, duplicatesModule, previewModule } from './lazy-modules.js';

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
  readonly #dialog;
  readonly #preview;
  readonly #activity;
  readonly #duplicates;

  /** `before`: the sheet the parts' styles go in front of (forced colors); `failed`: a part did not load */
  constructor(host: PartsHost, lazy: LazyParts, before: CSSResultOrNative, failed: () => void) {
    this.#host = host;
    this.#failed = failed;
    this.#dialog = new LazyController(lazy, dialogModule, (m) => {
      addStyles(host, m.dialogStyles, before);
      return new m.DialogController(host);
    });
    this.#preview = new LazyController(lazy, previewModule, (m) => {
      addStyles(host, [m.dialogStyles, m.previewStyles], before);
      return new m.PreviewController(host);
    });
    this.#activity = new LazyController(lazy, activityModule, (m) => {
      addStyles(host, [m.dialogStyles, m.activityStyles], before);
      return new m.ActivityController(host);
    });
    this.#duplicates = new LazyController(lazy, duplicatesModule, (m) => {
      addStyles(host, m.dialogStyles, before);
      return new m.DuplicatePrompt(host);
    });
  }

  /** the confirm and ask dialog of the library's actions (library-actions.ts) */
  readonly asker: Asker = {
    ask: (question: Question): Promise<Answer> =>
      this.#dialog
        .run((dialog) => dialog)
        .then(
          (dialog) => dialog.ask(question),
          () => {
            this.#failed();
            return { ok: false, value: '' };
          },
        ),
  };

  /** a question is open */
  get asking(): boolean {
    return !!this.#dialog.value?.question;
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
      this.#dialog.value?.render() ?? nothing,
      this.#preview.value?.render(t) ?? nothing,
      this.#activity.value?.render(t) ?? nothing,
      this.#duplicates.value?.render(t) ?? nothing,
    ];
  }
}
