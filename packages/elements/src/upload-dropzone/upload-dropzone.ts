// Registers <upload-dropzone>.
import { UploadDropzone } from './upload-dropzone.component.js';

export { UploadDropzone };

if (!customElements.get('upload-dropzone')) customElements.define('upload-dropzone', UploadDropzone);

declare global {
  interface HTMLElementTagNameMap {
    'upload-dropzone': UploadDropzone;
  }
}
