// Storage keys: `uploads/<tus id>`, `media/<id>` (form uploads) or `derived/<name>`, checked against
// one pattern so no key escapes its store (a directory on disk, a bucket).
export const KEY_PATTERN = /^(uploads|derived|media)\/[A-Za-z0-9_-]{1,128}(\.[a-z0-9]{1,8})?$/;

export const uploadKey = (tusId: string): string => `uploads/${tusId}`;

export function checkKey(key: string): string {
  if (!KEY_PATTERN.test(key)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
  return key;
}
