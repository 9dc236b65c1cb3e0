// Who may do what: the built-in rules for the roles `viewer`, `editor` and `admin`, as one table,
// and the `authorize(user, action, file)` signature a host can pass to replace them.
import type { MediaAction, MediaFile } from '@mediabay/core/protocol';
import type { AuthContext } from './auth-context.js';

/**
 * The file an action is about: the full MediaFile for an existing file, or (when `/me` asks what the
 * user may do in general) a stand-in with only `id: ''` and an `ownerId`. Absent for actions on no
 * particular file (list, upload, audit).
 */
export type AuthorizeFile = Pick<MediaFile, 'id' | 'ownerId'> & Partial<MediaFile>;

/** true allows; false (or a rejection) refuses with 403 `forbidden`. */
export type Authorize = (
  user: AuthContext,
  action: MediaAction,
  file?: AuthorizeFile,
) => boolean | Promise<boolean>;

export type Role = 'viewer' | 'editor' | 'admin';

/** `any`: roles allowed on every file of the tenant; `own`: roles allowed on their own files only. */
export const ROLE_RULES: Record<MediaAction, { any: readonly Role[]; own: readonly Role[] }> = {
  read: { any: ['viewer', 'editor', 'admin'], own: [] },
  upload: { any: ['editor', 'admin'], own: [] },
  rename: { any: ['admin'], own: ['editor'] },
  tag: { any: ['admin'], own: ['editor'] },
  delete: { any: ['admin'], own: ['editor'] },
  'force-delete': { any: ['admin'], own: [] },
  // an editor puts colleagues' media in their own lessons: usages are not edits of the file
  'manage-usages': { any: ['editor', 'admin'], own: [] },
  audit: { any: ['admin'], own: [] },
  replace: { any: ['admin'], own: ['editor'] },
};

const hasAny = (user: AuthContext, roles: readonly Role[]): boolean =>
  roles.some((role) => user.roles.includes(role));

/** The default `authorize`: the rules above. A user with none of the three roles may do nothing. */
export const defaultAuthorize: Authorize = (user, action, file) => {
  const rule = ROLE_RULES[action];
  if (hasAny(user, rule.any)) return true;
  const own = file === undefined || file.ownerId === user.userId;
  return own && hasAny(user, rule.own);
};
