// The client's error codes for uploads and the English sentence for each: what an UploadError says
// when the server did not answer with a message of its own (elements translate by code).

export const UPLOAD_ERROR_CODES = [
  'network',
  'offline',
  'server-error',
  'rate-limited',
  'timeout',
  'upload-expired',
  'file-too-large',
  'unsupported-type',
  'unauthorized',
  'forbidden',
  'operation-conflict',
  'insufficient-storage',
  'checksum-mismatch',
  'quota-exceeded',
  'file-unreadable',
  'processing-failed',
  'rejected',
  'unknown',
] as const;

export type UploadErrorCode = (typeof UPLOAD_ERROR_CODES)[number];

export const UPLOAD_ERROR_MESSAGES: Readonly<Record<UploadErrorCode, string>> = {
  network: 'The connection to the server was lost.',
  offline: 'You are offline.',
  'server-error': 'The server could not store the file.',
  'rate-limited': 'The server asked to slow down.',
  timeout: 'The server took too long to answer.',
  'upload-expired': 'The server no longer has this upload.',
  'file-too-large': 'The file is too large.',
  'unsupported-type': 'This type of file is not accepted.',
  unauthorized: 'You are not signed in.',
  forbidden: 'You may not upload files here.',
  'operation-conflict': 'The upload conflicts with another one.',
  'insufficient-storage': 'The server has no room left for the file.',
  'checksum-mismatch': 'The file arrived damaged.',
  'quota-exceeded': 'Your storage quota is used up.',
  'file-unreadable': 'The file could not be read.',
  'processing-failed': 'The server could not process the file.',
  rejected: 'The server refused the file.',
  unknown: 'The upload failed.',
};

const KNOWN: ReadonlySet<string> = new Set(UPLOAD_ERROR_CODES);

export const isUploadErrorCode = (code: string): code is UploadErrorCode => KNOWN.has(code);

/** The client's code for an HTTP status that came without a `{error:{code}}` body. */
export function codeForStatus(status: number): UploadErrorCode {
  if (status === 0) return 'network';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'upload-expired';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 409 || status === 423) return 'operation-conflict';
  if (status === 413) return 'file-too-large';
  if (status === 415) return 'unsupported-type';
  if (status === 429) return 'rate-limited';
  if (status === 460) return 'checksum-mismatch';
  if (status === 507) return 'insufficient-storage';
  if (status >= 500) return 'server-error';
  if (status >= 400) return 'rejected';
  return 'unknown';
}

/** The sentence for a code: core's own for its codes, a generic one for a server code it does not know. */
export const messageFor = (code: string): string =>
  isUploadErrorCode(code) ? UPLOAD_ERROR_MESSAGES[code] : UPLOAD_ERROR_MESSAGES.unknown;
