// Registers <upload-panel>.
import { UploadPanel } from './upload-panel.component.js';

export { UploadPanel };

if (!customElements.get('upload-panel')) customElements.define('upload-panel', UploadPanel);

declare global {
  interface HTMLElementTagNameMap {
    'upload-panel': UploadPanel;
  }
}
