// Registers <media-library> and what it renders: <upload-dropzone> and <upload-panel> (<lit-virtualizer>
// comes with the library's virtual-list.js). The class alone (no registration) is in
// media-library.component.js.
import '../upload-dropzone/upload-dropzone.js';
import '../upload-panel/upload-panel.js';
import { MediaLibrary } from './media-library.component.js';

export { MediaLibrary };

if (!customElements.get('media-library')) customElements.define('media-library', MediaLibrary);

declare global {
  interface HTMLElementTagNameMap {
    'media-library': MediaLibrary;
  }
}
