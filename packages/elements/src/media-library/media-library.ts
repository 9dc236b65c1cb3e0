// Registers <media-library> (and the dropzone and panel it contains).
import { MediaLibrary } from './media-library.component.js';

export { MediaLibrary };

if (!customElements.get('media-library')) customElements.define('media-library', MediaLibrary);

declare global {
  interface HTMLElementTagNameMap {
    'media-library': MediaLibrary;
  }
}
