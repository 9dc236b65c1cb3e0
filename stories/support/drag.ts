// Starts a real drag over a dropzone: a DragEvent whose DataTransfer carries the given files, as the
// browser sends when files from the desktop enter the element.
import type { UploadDropzone } from '@mediabay/elements';

export function dragOver(dropzone: UploadDropzone, files: File[]): void {
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  const base = dropzone.shadowRoot!.querySelector('[part="base"]')!;
  base.dispatchEvent(
    new DragEvent('dragenter', { dataTransfer: data, bubbles: true, composed: true, cancelable: true }),
  );
}
