// Why an upload failed, in French: one sentence per `UploadError.code`, as upload-errors.ts has them in
// English. A module of its own so that it loads with the French strings (fr.ts), not on every page.
import type { UploadErrorCode } from '@mediabay/core';

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
