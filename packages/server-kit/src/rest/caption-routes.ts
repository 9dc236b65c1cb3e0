// Caption tracks: `GET/PUT/DELETE /:id/captions/:lang`. PUT takes WebVTT or SRT as the raw body
// (`?label=` names the track), JSON `{text, label?}` or a form (a file and a `label` field), stores it as WebVTT, answers the MediaFile;
// GET serves `text/vtt`; DELETE removes. Editing captions is editing the file (the `rename` rule:
// editors their own files, admins any).
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { MediaFile } from '@mediabay/core/protocol';
import { requireAccess } from '../access/guard.js';
import type { MediaContext } from '../context.js';
import type { MediaRecord } from '../db/database.js';
import { readJson, objectWith } from '../http/body.js';
import { HttpError, notFound } from '../http/errors.js';
import { sendJson } from '../http/respond.js';
import { toMediaFile } from '../media/to-wire.js';
import type { AuthContext } from '../options.js';
import { captionLanguage, captionText, MAX_CAPTION_BYTES, toWebVtt } from './caption-text.js';
import { readCaptionForm } from './caption-form.js';
import { serveMediaRead } from './media-reads.js';
import { loadOwned } from './media-routes.js';
import type { Router } from './router.js';

const MAX_LABEL = 100;
const tooLarge = (): HttpError =>
  new HttpError(413, 'file-too-large', `A caption file may be at most ${MAX_CAPTION_BYTES / 1024} KiB.`);

async function readCaptionBody(req: IncomingMessage): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_CAPTION_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_CAPTION_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function label(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  const text = typeof value === 'string' ? value.replace(/[\p{Cc}\p{Cf}]/gu, '').trim() : '';
  if (!text || text.length > MAX_LABEL) {
    throw new HttpError(400, 'invalid-label', `A caption label is a name of 1 to ${MAX_LABEL} characters.`);
  }
  return text;
}

/** The caption text and label a PUT carries, whichever way it was sent. */
async function captionUpload(req: IncomingMessage, url: URL): Promise<{ vtt: string; label: string | null }> {
  const type = (req.headers['content-type'] ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') {
    const body = objectWith(await readJson(req, MAX_CAPTION_BYTES + 4096), ['text', 'label']);
    if (typeof body.text !== 'string')
      throw new HttpError(400, 'invalid-body', 'Send the captions as `text`.');
    if (Buffer.byteLength(body.text) > MAX_CAPTION_BYTES) throw tooLarge();
    return { vtt: toWebVtt(captionText(Buffer.from(body.text))), label: label(body.label) };
  }
  if (type === 'multipart/form-data') {
    const form = await readCaptionForm(req, MAX_CAPTION_BYTES);
    return { vtt: toWebVtt(captionText(form.bytes)), label: label(form.label) };
  }
  if (type && !/^(text\/[\w.+-]+|application\/(x-subrip|octet-stream))$/.test(type)) {
    throw new HttpError(415, 'unsupported-type', 'Send captions as WebVTT (text/vtt) or SRT text.');
  }
  const text = captionText(await readCaptionBody(req));
  return { vtt: toWebVtt(text), label: label(url.searchParams.get('label') ?? undefined) };
}

async function changed(
  ctx: Pick<MediaContext, 'db' | 'urls' | 'bus'>,
  auth: AuthContext,
  record: MediaRecord,
  detail: object,
): Promise<MediaFile> {
  const updated = await ctx.db.transaction(async (tx) => {
    const after = await tx.updateMedia(record.id, {}); // updatedAt, and the file with its captions
    if (!after) throw notFound();
    await tx.appendAudit({
      tenantId: auth.tenantId,
      userId: auth.userId,
      action: 'file.updated',
      fileId: record.id,
      operationId: record.operationId,
      detail: { captions: detail },
    });
    return after;
  });
  const file = toMediaFile(updated, ctx.urls);
  ctx.bus.publish(auth.tenantId, { type: 'media-updated', file });
  return file;
}

export function addCaptionRoutes(
  router: Router,
  ctx: Pick<MediaContext, 'options' | 'db' | 'urls' | 'storage' | 'bus'>,
): void {
  router.add('GET', '/:id/captions/:lang', async ({ req, res, url, auth, params }) => {
    const record = await loadOwned(ctx, auth.tenantId, params.id);
    await requireAccess(ctx, auth, 'read', [record]);
    await serveMediaRead({ ctx, req, res, url, record, rest: ['captions', params.lang as string] });
  });

  router.add('PUT', '/:id/captions/:lang', async ({ req, res, url, auth, params }) => {
    const record = await loadOwned(ctx, auth.tenantId, params.id);
    await requireAccess(ctx, auth, 'rename', [record]);
    const lang = captionLanguage(params.lang);
    const { vtt, label: name } = await captionUpload(req, url);
    // a new key per version: a reader of the old one is never served half of the new
    const key = `derived/${record.id}-captions-${lang.toLowerCase()}-${Date.now().toString(36)}.vtt`;
    await ctx.storage.write(key, Readable.from([Buffer.from(vtt)]));
    const previous = record.captions.find((c) => c.lang === lang);
    await ctx.db.putCaption(record.id, { lang, label: name, key, updatedAt: new Date().toISOString() });
    if (previous) await ctx.storage.remove(previous.key).catch(() => undefined);
    sendJson(
      res,
      200,
      await changed(ctx, auth, record, { lang, label: name, change: previous ? 'replaced' : 'added' }),
    );
  });

  router.add('DELETE', '/:id/captions/:lang', async ({ res, auth, params }) => {
    const record = await loadOwned(ctx, auth.tenantId, params.id);
    await requireAccess(ctx, auth, 'rename', [record]);
    const lang = captionLanguage(params.lang);
    const removed = await ctx.db.deleteCaption(record.id, lang);
    if (!removed) throw notFound('caption track');
    await ctx.storage.remove(removed.key).catch(() => undefined);
    await changed(ctx, auth, record, { lang, change: 'removed' });
    res.writeHead(204).end();
  });
}
