// What the panel's card does, loaded with it (panel-view.ts): the rows' pause, resume, cancel, retry
// and "choose the file again", Cancel all and Retry all, each keeping focus in the panel when the
// control that had it goes; and keeping the card off the focused control (panel-avoid.ts).
import type { ReactiveElement } from 'lit';
import type { MediaClient, UploadItem } from '@mediabay/core';
import { keepFocus } from '../shared/focus-keeper.js';
import { PanelAvoidController, type Avoiding } from './panel-avoid.js';
import type { RowAction } from './upload-row.js';

export interface ControlsHost extends ReactiveElement {
  readonly client?: MediaClient | undefined;
  avoiding: Avoiding;
  position: string;
  /** the rows' operation ids, in order */
  readonly rowIds: readonly string[];
}

export class PanelControls {
  readonly avoid: PanelAvoidController;
  readonly #host: ControlsHost;
  /** the failed upload whose file is being chosen again */
  #choosing?: UploadItem;

  constructor(host: ControlsHost) {
    this.#host = host;
    this.avoid = new PanelAvoidController(host, () => host.renderRoot.querySelector('[part="panel"]'));
  }

  row = (action: RowAction, item: UploadItem): void => {
    const client = this.#host.client;
    if (!client) return;
    if (action === 'choose') {
      this.#choosing = item;
      this.#host.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click();
      return;
    }
    const before = this.#host.rowIds.indexOf(item.operationId);
    void keepFocus(this.#host, () => this.#focusAfter(item.operationId, before));
    client[action](item.operationId);
  };

  /** the picker of "choose the file again" */
  picked = (event: Event): void => {
    const picker = event.target as HTMLInputElement;
    const files = [...(picker.files ?? [])];
    picker.value = '';
    if (files.length > 0 && this.#choosing) this.#host.client?.addFiles(files);
    this.#choosing = undefined;
  };

  cancelAll = (): void => {
    void keepFocus(this.#host, () => this.#focusAfter('', -1));
    this.#host.client?.cancelAll();
  };

  retryAll = (): void => {
    void keepFocus(this.#host, () => this.#focusAfter('', -1));
    this.#host.client?.retryAll();
  };

  /** where focus goes when a row's control went away: that row, the next, the one before, the header */
  *#focusAfter(id: string, before: number): Generator<Element | null | undefined> {
    const root = this.#host.renderRoot;
    const ids = this.#host.rowIds;
    const at = ids.indexOf(id);
    const near = at >= 0 ? [at, at + 1, at - 1] : [before, before - 1];
    for (const index of near) {
      const row = ids[index] && root.querySelector(`[data-operation-id="${CSS.escape(ids[index])}"]`);
      if (row) yield row.querySelector('button');
    }
    yield root.querySelector('[part~="retry-all"]');
    yield root.querySelector('[part~="cancel-all"]');
    yield root.querySelector('.list');
    yield root.querySelector('[part~="minimize-button"]');
  }
}
