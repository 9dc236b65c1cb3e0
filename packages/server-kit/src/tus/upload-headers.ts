// What tus would accept too loosely, refused before any byte is stored: the protocol version, the
// upload's length (present, a byte count, within the limit) and its metadata.
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../http/errors.js';
import { parseMetadataHeader, validateUploadMetadata, type UploadMetadata } from './metadata.js';

/** The creating POST's metadata (undefined for other methods), or a clear 4xx. */
export function checkTusHeaders(req: IncomingMessage, maxFileSize: number): UploadMetadata | undefined {
  if (req.method === 'OPTIONS') return undefined;
  const resumable = req.headers['tus-resumable'];
  if (resumable !== '1.0.0') {
    throw new HttpError(412, 'unsupported-tus-version', 'Tus-Resumable must be 1.0.0.', {
      'Tus-Version': '1.0.0',
    });
  }
  if (req.method !== 'POST') return undefined;
  const length = req.headers['upload-length'];
  const deferred = req.headers['upload-defer-length'];
  if (length !== undefined) {
    if (typeof length !== 'string' || !/^\d{1,16}$/.test(length))
      throw new HttpError(400, 'invalid-length', 'Upload-Length must be a byte count.');
    if (Number(length) > maxFileSize)
      throw new HttpError(413, 'file-too-large', `Files may be at most ${maxFileSize} bytes.`);
  } else if (deferred !== '1') {
    throw new HttpError(400, 'invalid-length', 'Upload-Length or Upload-Defer-Length: 1 is required.');
  }
  return validateUploadMetadata(parseMetadataHeader(req.headers['upload-metadata'] as string | undefined));
}
