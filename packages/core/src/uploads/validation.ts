// File restrictions: accept patterns (MIME, `type/*`, `.ext`), size bounds, count, duplicates, and
// custom async validators. Every rejection says which rule and why, in a sentence a UI can show.
import type { Rejection, Restrictions } from '../types.js';
import { formatBytes } from './format-bytes.js';

export type RejectionCode =
  'file-type' | 'file-too-large' | 'file-too-small' | 'too-many-files' | 'duplicate' | 'custom';

/** what identifies "the same file" when it is chosen twice */
export const fileKey = (file: { name: string; size: number; lastModified?: number }): string =>
  `${file.name}\u0000${file.size}\u0000${file.lastModified ?? 0}`;

/**
 * `accept` entries as in `<input accept>`: `image/*`, `video/mp4`, `.pdf`; case-insensitive. Without
 * a name (a drag shows only MIME types) an extension pattern cannot refuse yet.
 */
export function matchesAccept(
  file: { name?: string | undefined; type: string },
  accept: readonly string[] | undefined,
): boolean {
  if (!accept || accept.length === 0) return true;
  const name = file.name?.toLowerCase();
  const type = (file.type || '').toLowerCase();
  return accept.some((raw) => {
    const pattern = raw.trim().toLowerCase();
    if (!pattern) return false;
    if (pattern === '*' || pattern === '*/*') return true;
    if (pattern.startsWith('.')) return name === undefined || name.endsWith(pattern);
    if (pattern.endsWith('/*')) return type.startsWith(pattern.slice(0, -1));
    return type === pattern;
  });
}

export interface ValidationResult {
  accepted: File[];
  rejected: Rejection[];
}

/**
 * Synchronous rules, in the order a person would want to hear them. `existing` holds the keys of
 * files already in the queue; `activeCount` how many count against `maxFiles`.
 */
export function validateFiles(
  files: Iterable<File>,
  restrictions: Restrictions = {},
  existing: ReadonlySet<string> = new Set(),
  activeCount = 0,
): ValidationResult {
  const accepted: File[] = [];
  const rejected: Rejection[] = [];
  const seen = new Set(existing);
  const reject = (file: File, code: RejectionCode, message: string) => rejected.push({ file, code, message });
  for (const file of files) {
    const key = fileKey(file);
    if (!matchesAccept(file, restrictions.accept)) {
      reject(
        file,
        'file-type',
        `${file.name} is not an accepted file type (${restrictions.accept!.join(', ')}).`,
      );
    } else if (restrictions.maxSize !== undefined && file.size > restrictions.maxSize) {
      reject(file, 'file-too-large', `${file.name} is larger than ${formatBytes(restrictions.maxSize)}.`);
    } else if (restrictions.minSize !== undefined && file.size < restrictions.minSize) {
      reject(file, 'file-too-small', `${file.name} is smaller than ${formatBytes(restrictions.minSize)}.`);
    } else if (seen.has(key)) {
      reject(file, 'duplicate', `${file.name} has already been added.`);
    } else if (
      restrictions.maxFiles !== undefined &&
      activeCount + accepted.length >= restrictions.maxFiles
    ) {
      reject(file, 'too-many-files', `Only ${restrictions.maxFiles} files can be uploaded at once.`);
    } else {
      seen.add(key);
      accepted.push(file);
    }
  }
  return { accepted, rejected };
}

/** Runs custom validators in order; the first message wins. A throwing validator rejects too. */
export async function runValidators(
  file: File,
  validators: readonly ((file: File) => Promise<string | null>)[],
): Promise<Rejection | null> {
  for (const validator of validators) {
    let message: string | null;
    try {
      message = await validator(file);
    } catch (error) {
      message = (error as Error)?.message || `${file.name} could not be checked.`;
    }
    if (message) return { file, code: 'custom', message };
  }
  return null;
}
