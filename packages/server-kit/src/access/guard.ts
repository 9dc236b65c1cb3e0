// Applies `authorize` to a request: refusals are 403 `forbidden`, change nothing, and leave one
// `access.denied` entry in the audit log. Bulk operations are all-or-nothing.
import type { MediaAction, Permissions } from '@mediabay/core/protocol';
import type { MediaContext } from '../context.js';
import type { MediaRecord } from '../db/database.js';
import { HttpError } from '../http/errors.js';
import { toMediaFile } from '../media/to-wire.js';
import type { AuthContext } from './auth-context.js';
import type { AuthorizeFile } from './authorize.js';

/** What the access checks read: `authorize` (options), the audit log (db) and the file `authorize` sees (urls). */
export type AccessContext = Pick<MediaContext, 'options' | 'db' | 'urls'>;

const MESSAGES: Record<MediaAction, string> = {
  read: 'You may not see this library.',
  upload: 'You may not upload files here.',
  rename: 'You may not rename this file.',
  tag: 'You may not change the tags of this file.',
  delete: 'You may not delete this file.',
  'force-delete': 'You may not delete files that are in use.',
  'manage-usages': 'You may not change where files are used.',
  audit: 'Only administrators may read the audit log.',
  replace: 'You may not replace this file.',
};

async function allows(
  ctx: Pick<MediaContext, 'options'>,
  auth: AuthContext,
  action: MediaAction,
  file?: AuthorizeFile,
): Promise<boolean> {
  return (await ctx.options.authorize(auth, action, file)) === true;
}

/** Records the refusal and answers 403; `about` says what was refused (ids, an upload). */
export async function deny(
  ctx: Pick<MediaContext, 'db'>,
  auth: AuthContext,
  action: MediaAction,
  about: { fileIds?: string[]; uploadId?: string } = {},
): Promise<never> {
  const { fileIds = [] } = about;
  await ctx.db.appendAudit({
    tenantId: auth.tenantId,
    userId: auth.userId,
    action: 'access.denied',
    fileId: fileIds.length === 1 ? fileIds[0] : null,
    detail: { action, ...about },
  });
  const message = fileIds.length > 1 ? `${MESSAGES[action]} (${fileIds.length} files)` : MESSAGES[action];
  throw new HttpError(403, 'forbidden', message, {}, fileIds.length > 0 ? { fileIds } : {});
}

/**
 * Throws 403 unless `action` is allowed on every one of `records` (or, without records, at all).
 * Nothing is changed before this answers: a bulk request with one refused file changes no file.
 */
export async function requireAccess(
  ctx: AccessContext,
  auth: AuthContext,
  action: MediaAction,
  records?: MediaRecord[],
): Promise<void> {
  if (!records) {
    if (!(await allows(ctx, auth, action))) await deny(ctx, auth, action);
    return;
  }
  const refused: string[] = [];
  for (const record of records) {
    if (!(await allows(ctx, auth, action, toMediaFile(record, ctx.urls)))) refused.push(record.id);
  }
  if (refused.length > 0) await deny(ctx, auth, action, { fileIds: refused });
}

/** What `/me` answers: `authorize` asked about a file of the user's own and one of someone else. */
export async function permissionsOf(
  ctx: Pick<MediaContext, 'options'>,
  auth: AuthContext,
): Promise<Permissions> {
  const own: AuthorizeFile = { id: '', ownerId: auth.userId };
  const others: AuthorizeFile = { id: '', ownerId: `${auth.userId}\u0000someone-else` };
  const ask = (action: MediaAction, file?: AuthorizeFile): Promise<boolean> =>
    allows(ctx, auth, action, file);
  const [read, upload, rename, renameAny, tag, tagAny, del, deleteAny, forceDelete, manageUsages, audit] =
    await Promise.all([
      ask('read'),
      ask('upload'),
      ask('rename', own),
      ask('rename', others),
      ask('tag', own),
      ask('tag', others),
      ask('delete', own),
      ask('delete', others),
      ask('force-delete', own),
      ask('manage-usages', own),
      ask('audit'),
    ]);
  return {
    read,
    upload,
    rename,
    renameAny,
    tag,
    tagAny,
    delete: del,
    deleteAny,
    forceDelete,
    manageUsages,
    audit,
  };
}
