// Why an upload failed, one sentence per `UploadError.code` (core's UPLOAD_ERROR_CODES), in English
// (the French ones are in fr-upload-errors.ts, loaded with the French strings). A final server 4xx
// keeps the server's own message (`error.fromServer`); every other failure is shown in the reader's
// language, so no transport text ever reaches the page.
import type { UploadError, UploadErrorCode } from '@mediabay/core';

export const enUploadErrors: Readonly<Record<UploadErrorCode, string>> = {
  network: 'The connection to the server was lost.',
  offline: 'You are offline.',
  'server-error': 'The server had a problem with this file.',
  'rate-limited': 'The server is busy. Too many uploads at once.',
  timeout: 'The server took too long to answer.',
  'upload-expired': 'The upload expired on the server. Upload the file again.',
  'file-too-large': 'The file is too large.',
  'unsupported-type': 'This type of file is not accepted.',
  unauthorized: 'Your session has ended. Sign in again.',
  forbidden: 'You are not allowed to upload this file.',
  'operation-conflict': 'This upload clashed with another one of the same file.',
  'insufficient-storage': 'The server has no room left for this file.',
  'checksum-mismatch': 'The file arrived damaged. Try again.',
  'quota-exceeded': 'Your storage quota is used up.',
  'file-unreadable': 'The file could not be read. It may have been moved or changed.',
  'processing-failed': 'The file arrived but could not be processed.',
  rejected: 'The server refused this file.',
  unknown: 'Something went wrong.',
};

/**
 * The sentence to show for an upload's error: the server's own message for a final answer it gave,
 * else the locale's sentence for the code, else the locale's `unknown` (never raw client text).
 */
export function uploadErrorText(
  error: UploadError | undefined,
  strings: { uploadErrors: Readonly<Record<string, string>> },
): string {
  const known: Readonly<Record<string, string | undefined>> = strings.uploadErrors;
  if (!error) return known.unknown ?? '';
  if (error.fromServer && error.message) return error.message;
  return known[error.code] ?? (error.message || known.unknown || '');
}
