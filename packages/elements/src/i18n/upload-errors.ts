// Why an upload failed, one sentence per `UploadError.code` (core's UPLOAD_ERROR_CODES), in each
// shipped locale. A final server 4xx keeps the server's own message (`error.fromServer`); every other
// failure is shown in the reader's language, so no transport text ever reaches the page.
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

export const frUploadErrors: Readonly<Record<UploadErrorCode, string>> = {
  network: 'La connexion au serveur a été perdue.',
  offline: 'Vous êtes hors ligne.',
  'server-error': 'Le serveur a rencontré un problème avec ce fichier.',
  'rate-limited': 'Le serveur est occupé : trop d’envois à la fois.',
  timeout: 'Le serveur a mis trop de temps à répondre.',
  'upload-expired': 'L’envoi a expiré sur le serveur. Envoyez le fichier à nouveau.',
  'file-too-large': 'Le fichier est trop volumineux.',
  'unsupported-type': 'Ce type de fichier n’est pas accepté.',
  unauthorized: 'Votre session a pris fin. Reconnectez-vous.',
  forbidden: 'Vous n’avez pas le droit d’envoyer ce fichier.',
  'operation-conflict': 'Cet envoi est entré en conflit avec un autre envoi du même fichier.',
  'insufficient-storage': 'Le serveur n’a plus de place pour ce fichier.',
  'checksum-mismatch': 'Le fichier est arrivé endommagé. Réessayez.',
  'quota-exceeded': 'Votre quota de stockage est atteint.',
  'file-unreadable': 'Le fichier n’a pas pu être lu. Il a peut-être été déplacé ou modifié.',
  'processing-failed': 'Le fichier est arrivé mais n’a pas pu être traité.',
  rejected: 'Le serveur a refusé ce fichier.',
  unknown: 'Un problème est survenu.',
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
