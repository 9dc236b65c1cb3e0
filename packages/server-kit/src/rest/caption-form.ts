// A caption file sent as multipart/form-data (an HTML form or FormData): the first file part is the
// captions, a `label` field names the track; at most MAX_CAPTION_BYTES, anything else is refused.
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { HttpError } from '../http/errors.js';

export async function readCaptionForm(
  req: IncomingMessage,
  maxBytes: number,
): Promise<{ bytes: Buffer; label: string | undefined }> {
  const tooLarge = new HttpError(
    413,
    'file-too-large',
    `A caption file may be at most ${maxBytes / 1024} KiB.`,
  );
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fields: 4, fileSize: maxBytes, fieldSize: 1024 },
      });
    } catch {
      reject(new HttpError(400, 'invalid-body', 'The form could not be read.'));
      return;
    }
    const chunks: Buffer[] = [];
    let label: string | undefined;
    let file = false;
    let failed: HttpError | undefined;
    parser.on('field', (name, value) => {
      if (name === 'label') label = value;
    });
    parser.on('file', (_name, stream) => {
      file = true;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        failed = tooLarge;
      });
    });
    parser.on('error', () => reject(new HttpError(400, 'invalid-body', 'The form could not be read.')));
    parser.on('close', () => {
      if (failed) reject(failed);
      else if (!file) reject(new HttpError(400, 'invalid-body', 'Send the captions as a file in the form.'));
      else resolve({ bytes: Buffer.concat(chunks), label });
    });
    req.pipe(parser);
  });
}
