// Signed media URLs: every URL of a MediaFile carries `?exp=<unix s>&sig=<base64url HMAC-SHA256>`
// over the tenant, the file id, the path after it (`content`, `thumbnail`, `renditions/web`,
// `captions/en`) and exp, so `<img>`, `<video>` and `<track>` of a page that authenticates with a
// bearer token (which they cannot send) still load. Signed per tenant and file, never per user: one
// event is serialized once for every socket of a tenant. exp is rounded up to the hour and lies 1 to
// 2 hours ahead, so a file's URLs are the same for an hour (cacheable, stable between list fetches).
// A file in the trash gets URLs signed for that stay in the trash (`trashedAt` in the HMAC): the Trash
// view of a bearer-token page still shows and previews it, while links handed out when it was in the
// library (a lesson's <video>) stop opening it, and a restore ends the trash view's links.
import { createHmac, timingSafeEqual } from 'node:crypto';

const HOUR_S = 3600;
/** at least this many hours of validity left when a URL is made */
const MIN_HOURS = 1;
const EXP = /^[0-9]{1,12}$/;
const SIG = /^[A-Za-z0-9_-]{43}$/;

export type SignatureCheck = 'valid' | 'expired' | 'invalid';

export interface MediaUrls {
  readonly basePath: string;
  /** `${basePath}/${fileId}/${kind}?exp=…&sig=…`; `trashedAt` for a file in the trash */
  url(tenantId: string, fileId: string, kind: string, trashedAt?: string | null): string;
  /** Whether `search` carries a signature at all (`exp` or `sig`). */
  isSigned(search: URLSearchParams): boolean;
  /** Checks `exp` and `sig` of `search` for this tenant, file, kind (and stay in the trash) now. */
  verify(
    tenantId: string,
    fileId: string,
    kind: string,
    search: URLSearchParams,
    trashedAt?: string | null,
  ): SignatureCheck;
}

/** The smallest secret accepted, in bytes (UTF-8). */
export const MIN_SECRET_BYTES = 32;

export function checkSigningSecret(secret: unknown): string {
  if (typeof secret !== 'string' || Buffer.byteLength(secret) < MIN_SECRET_BYTES) {
    // never echo the value: it is a secret even when it is too short
    throw new TypeError(`urlSigningSecret must be a string of at least ${MIN_SECRET_BYTES} bytes.`);
  }
  return secret;
}

export function createMediaUrls(basePath: string, secret: string, nowMs: () => number = Date.now): MediaUrls {
  checkSigningSecret(secret);
  const digest = (tenantId: string, fileId: string, kind: string, exp: string, trashedAt?: string | null) => {
    const signed = ['mediabay-url-v1', tenantId, fileId, kind, exp];
    // a file in the library keeps the URLs it always had
    if (trashedAt) signed.push('trashed', trashedAt);
    return createHmac('sha256', secret).update(JSON.stringify(signed)).digest();
  };
  const nowS = (): number => Math.floor(nowMs() / 1000);
  return {
    basePath,
    url(tenantId, fileId, kind, trashedAt) {
      const exp = String((Math.floor(nowS() / HOUR_S) + MIN_HOURS + 1) * HOUR_S);
      const sig = digest(tenantId, fileId, kind, exp, trashedAt).toString('base64url');
      return `${basePath}/${fileId}/${kind}?exp=${exp}&sig=${sig}`;
    },
    isSigned: (search) => search.has('exp') || search.has('sig'),
    verify(tenantId, fileId, kind, search, trashedAt) {
      const exp = search.getAll('exp');
      const sig = search.getAll('sig');
      if (exp.length !== 1 || sig.length !== 1) return 'invalid';
      const [expValue, sigValue] = [exp[0] as string, sig[0] as string];
      if (!EXP.test(expValue) || !SIG.test(sigValue)) return 'invalid';
      // compared as text: two base64url strings can decode to the same bytes (the last character's spare bits)
      const expected = Buffer.from(digest(tenantId, fileId, kind, expValue, trashedAt).toString('base64url'));
      if (!timingSafeEqual(expected, Buffer.from(sigValue))) return 'invalid';
      return Number(expValue) > nowS() ? 'valid' : 'expired';
    },
  };
}
