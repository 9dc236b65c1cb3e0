// <upload-dropzone>: a drop target and a real file picker. Hands every chosen, dropped or pasted
// file to `client.addFiles` and shows what the client rejected; it validates nothing itself.
import { css, html, nothing, type CSSResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  matchesAccept,
  validateFiles,
  type Accepting,
  type MediaClient,
  type NotAcceptingReason,
  type Rejection,
  type Restrictions,
} from '@mediabay/core';
import { MediabayElement } from '../shared/mediabay-element.js';
import { StoreController } from '../shared/store-controller.js';
import { icon } from '../shared/icons.js';
import { parseAccept } from './accept.js';
import { entriesOf } from './entries-of.js';
import { makePoster } from '../shared/posters.js';
import { lazyModule } from '../shared/lazy-part.js';
import { addStyles } from '../shared/lazy-styles.js';
import styles from './upload-dropzone.styles.js';

/** What `beforeAdd` decides: the files to add, and those that replace a library file's bytes. */
export interface BeforeAddResult {
  add: File[];
  replace: { file: File; fileId: string }[];
}

/** the overlay's look, folder reading and the refused files' list: after first paint (dropzone-parts.ts) */
const partsModule = lazyModule(() => import('./dropzone-parts.js'));
/** their sheet, made once */
let partSheet: CSSResult | undefined;

/** `multiple` defaults to true, so the attribute needs an explicit "false" to turn it off. */
const booleanDefaultTrue = {
  fromAttribute: (value: string | null) => value !== 'false',
  toAttribute: (value: boolean) => (value ? '' : 'false'),
};

/**
 * @summary Drop target and file picker that feeds a MediaClient.
 *
 * @slot - Content to turn into a drop target (a whole library, say). Without it the element shows
 *   its own prompt with a "Choose files" button.
 *
 * @event mb-files-added - Files went to the client. `detail.accepted` and `detail.rejected`.
 *
 * @csspart base - The drop area.
 * @csspart icon - The upload icon.
 * @csspart prompt - The prompt text.
 * @csspart button - The visible "Choose files" control (the label of the real input).
 * @csspart overlay - The "Drop to upload" layer shown over slotted content while dragging.
 * @csspart rejections - The list of files the client refused, with reasons.
 * @csspart reason - Why no files are taken now (`client.$accepting`), in a status line; `data-reason` names it.
 *
 * @cssproperty --mb-dropzone-bg - Background. Defaults to `--mb-color-surface`.
 * @cssproperty --mb-dropzone-border - Border colour. Defaults to `--mb-color-border`.
 * @cssproperty --mb-dropzone-active-bg - Background while files are dragged over.
 */
export class UploadDropzone extends MediabayElement {
  static override styles = styles;

  /** Accepted types, as in `<input accept>`: `image/*, .pdf`. */
  @property() accept?: string;

  /** Allow several files at once (default). Set `multiple="false"` for one. */
  @property({ reflect: true, converter: booleanDefaultTrue }) multiple = true;

  /** Largest accepted file, in bytes. */
  @property({ type: Number, attribute: 'max-size' }) maxSize?: number;

  /** Most files accepted from one pick, drop or paste. */
  @property({ type: Number, attribute: 'max-files' }) maxFiles?: number;

  /**
   * Refuses files. The element also refuses them, and looks disabled with the reason shown, while it
   * has no client and while `client.$accepting` says no (destroyed, a role that may not upload, or
   * `maxFiles` reached).
   */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /**
   * Asked before the accepted files go to the client (the library's duplicate prompt): which to add,
   * and which replace a library file instead. Absent: every file is added.
   */
  @property({ attribute: false }) beforeAdd?: (files: File[]) => BeforeAddResult | Promise<BeforeAddResult>;

  /** Reflected while files are dragged over the element. */
  @property({ type: Boolean, reflect: true, attribute: 'drag-active' }) dragActive = false;

  /** Reflected while none of the dragged files matches `accept` (or too many are dragged). */
  @property({ type: Boolean, reflect: true, attribute: 'drag-reject' }) dragReject = false;

  /** Reflected while some, not all, of the dragged files do not match `accept`: the others are added. */
  @property({ type: Boolean, reflect: true, attribute: 'drag-partial' }) dragPartial = false;

  @state() private rejections: Rejection[] = [];
  @state() private emptyFolders: string[] = [];
  @state() private wrapping = false;

  @query('input[type=file]') private input!: HTMLInputElement;

  #dragDepth = 0;
  readonly #accepting = new StoreController<Accepting>(this, () => this.client?.$accepting);

  /** Opens the system file picker (for a host's own "Upload" button). */
  open(): void {
    if (!this.#off) this.input.click();
  }

  constructor() {
    super();
    this.lazy.prefetch(partsModule);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('paste', this.#onPaste);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('paste', this.#onPaste);
  }

  /** This element's own limits, checked with the core's validation before the client sees the files. */
  get restrictions(): Restrictions {
    const restrictions: Restrictions = {};
    const accept = parseAccept(this.accept);
    if (accept.length > 0) restrictions.accept = accept;
    if (this.maxSize !== undefined) restrictions.maxSize = this.maxSize;
    const maxFiles = this.multiple ? this.maxFiles : 1;
    if (maxFiles !== undefined) restrictions.maxFiles = maxFiles;
    return restrictions;
  }

  /** Sends files to the client as if they had been dropped. */
  addFiles(files: Iterable<File>, emptyFolders: string[] = []): void {
    const client = this.client;
    if (!client || this.#off) return;
    const list = [...files];
    this.emptyFolders = emptyFolders;
    if (list.length === 0) {
      this.rejections = [];
      return;
    }
    const local = validateFiles(list, this.restrictions);
    const decided = this.beforeAdd && local.accepted.length > 0 ? this.beforeAdd(local.accepted) : undefined;
    const apply = ({ add, replace }: BeforeAddResult) => {
      for (const { file, fileId } of replace) client.replaceFile(fileId, file);
      this.#send(client, add, local.rejected);
    };
    if (decided instanceof Promise)
      // no answer: the files are added as usual
      void decided.then(apply, () => this.#send(client, local.accepted, local.rejected));
    else if (decided) apply(decided);
    else this.#send(client, local.accepted, local.rejected);
  }

  #send(client: MediaClient, accepted: File[], localRejected: Rejection[]): void {
    const local = { accepted, rejected: localRejected };
    const result =
      local.accepted.length > 0 ? client.addFiles(local.accepted) : { accepted: [], rejected: [] };
    const rejected = [...local.rejected, ...result.rejected];
    // The client returns accepted items in the order of the files it kept.
    const refused = new Set(result.rejected.map((rejection) => rejection.file));
    const kept = local.accepted.filter((file) => !refused.has(file));
    result.accepted.forEach((item, index) => {
      const file = kept[index];
      if (file && file.name === item.name && file.size === item.size) makePoster(item.operationId, file);
    });
    this.rejections = rejected;
    this.emit('mb-files-added', { accepted: result.accepted, rejected });
  }

  #onPaste = (event: ClipboardEvent): void => {
    const files = [...(event.clipboardData?.files ?? [])];
    if (files.length === 0 || this.#off) return;
    event.preventDefault();
    this.addFiles(files);
  };

  /** why the client takes no files now; null while it does (or before it has said) */
  get #refusal(): NotAcceptingReason | null {
    const accepting = this.#accepting.value;
    return accepting && !accepting.accepting ? accepting.reason : null;
  }

  get #off(): boolean {
    return this.disabled || !this.client || this.#refusal !== null;
  }

  #onChange(): void {
    this.addFiles(this.input.files ?? []);
    this.input.value = ''; // choosing the same file again must fire `change` again
  }

  #onDragEnter(event: DragEvent): void {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.#dragDepth += 1;
    if (this.#off) {
      // refused files are still caught (or the browser would open them in place of the page), and
      // when the client said why, the drag shows it
      this.dragActive = this.dragReject = this.#refusal !== null;
      return;
    }
    this.dragActive = true;
    // A guess from the types alone (a file's type can be empty while dragging): it only changes the
    // prompt. The drop itself is always taken, and each refused file is listed with its reason.
    const patterns = parseAccept(this.accept);
    const items = [...event.dataTransfer.items].filter((item) => item.kind === 'file');
    const refused = items.filter((item) => !matchesAccept({ type: item.type }, patterns)).length;
    const tooMany = !this.multiple && items.length > 1;
    this.dragReject = items.length > 0 && refused === items.length;
    this.dragPartial = !this.dragReject && (refused > 0 || tooMany);
  }

  #onDragOver(event: DragEvent): void {
    if (this.#dragDepth === 0) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = this.#off ? 'none' : 'copy';
  }

  #onDragLeave(): void {
    this.#dragDepth = Math.max(0, this.#dragDepth - 1);
    if (this.#dragDepth === 0) this.#resetDrag();
  }

  #onDrop(event: DragEvent): void {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.#resetDrag();
    if (this.#off) return;
    const entries = entriesOf(event.dataTransfer);
    if (!entries) {
      this.addFiles(event.dataTransfer.files);
      return;
    }
    // without the folder reader (offline before it came), the dropped files at least, not the folders
    const files = [...event.dataTransfer.files].filter((_, index) => entries[index]?.isFile);
    const read = this.lazy.load(partsModule).then(
      (parts) => parts.readEntries(entries),
      () => ({ files, emptyFolders: [] }),
    );
    void this.lazy.track(read.then((dropped) => this.addFiles(dropped.files, dropped.emptyFolders)));
  }

  #resetDrag(): void {
    this.#dragDepth = 0;
    this.dragActive = false;
    this.dragReject = false;
    this.dragPartial = false;
  }

  #onSlotChange(event: Event): void {
    const slot = event.target as HTMLSlotElement;
    this.wrapping = slot.assignedNodes({ flatten: true }).some((node) => node.nodeType === Node.ELEMENT_NODE);
  }

  protected override render() {
    const t = this.localize.strings;
    const rejected = this.#refusal ? t.notAccepting[this.#refusal] : t.dropRejected;
    const dragText = this.dragReject ? rejected : this.dragPartial ? t.dropPartial : t.dropHere;
    const refused = this.rejections.length > 0 || this.emptyFolders.length > 0;
    const parts = this.dragActive || refused ? this.lazy.use(partsModule) : partsModule.value;
    if (parts) addStyles(this, (partSheet ??= parts.partStyles(css)));
    return html`
      <div
        class="base ${this.wrapping ? 'wrapping' : 'standalone'} ${this.#off ? 'off' : ''} ${
          this.#refusal ? 'refused' : ''
        }"
        part="base"
        dir=${this.localize.dir}
        @dragenter=${this.#onDragEnter}
        @dragover=${this.#onDragOver}
        @dragleave=${this.#onDragLeave}
        @drop=${this.#onDrop}
      >
        <input
          id="input"
          class="visually-hidden"
          type="file"
          tabindex=${this.wrapping ? '-1' : '0'}
          aria-label=${this.wrapping || this.#refusal ? t.browse : nothing}
          accept=${this.accept ?? nothing}
          ?multiple=${this.multiple}
          aria-describedby=${this.#refusal && !this.wrapping ? 'reason' : nothing}
          ?disabled=${this.#off}
          @change=${this.#onChange}
        />
        <slot @slotchange=${this.#onSlotChange}></slot>
        <div class="prompt" ?hidden=${this.wrapping}>
          <span class="icon" part="icon">${icon('upload')}</span>
          <span class="prompt-text" part="prompt">${this.dragActive ? dragText : t.dropTitle}</span>
          <span class="or">${t.dropHint}</span>
          <label class="button" part="button" for="input">${t.browse}</label>
          <p
            id="reason"
            class="reason ${this.#refusal ? '' : 'visually-hidden'}"
            part="reason"
            role="status"
            data-reason=${this.#refusal ?? nothing}
          >
            ${this.#refusal ? t.notAccepting[this.#refusal] : ''}
          </p>
        </div>
        <div class="overlay" part="overlay" ?hidden=${!this.wrapping || !this.dragActive || !parts}>
          <span class="icon">${icon('upload')}</span>
          <span>${dragText}</span>
        </div>
      </div>
      ${
        parts && refused
          ? parts.renderRejections(html, this.rejections, this.emptyFolders, t, () => {
              this.rejections = [];
              this.emptyFolders = [];
            })
          : nothing
      }
    `;
  }
}
