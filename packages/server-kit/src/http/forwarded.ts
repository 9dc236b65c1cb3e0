// Who called and which host they asked for, read through the reverse proxies the host trusts
// (`trustProxy`): each trusted proxy appends the address it saw to X-Forwarded-For, so the caller is
// the entry that many places from the right; anything further left is the caller's own to write.
import type { IncomingMessage } from 'node:http';

export interface Forwarded {
  /** The caller's address: the socket's, or the trusted proxies' X-Forwarded-For entry. */
  address(req: IncomingMessage): string;
  /** The host the browser asked for: Host, or the trusted proxy's X-Forwarded-Host. */
  host(req: IncomingMessage): string | undefined;
}

/** The comma-separated values of a header, repeated headers joined. */
function values(header: string | string[] | undefined): string[] {
  const joined = Array.isArray(header) ? header.join(',') : (header ?? '');
  return joined
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The value `hops` places from the right: the one the outermost trusted proxy wrote. */
function trusted(header: string | string[] | undefined, hops: number): string | undefined {
  const list = values(header);
  return list.length === 0 ? undefined : list[Math.max(0, list.length - hops)];
}

/** `hops`: how many reverse proxies stand in front of the server (0: none, headers ignored). */
export function forwardedThrough(hops: number): Forwarded {
  if (hops <= 0)
    return {
      address: (req) => req.socket.remoteAddress ?? 'unknown',
      host: (req) => req.headers.host,
    };
  return {
    address: (req) => trusted(req.headers['x-forwarded-for'], hops) ?? req.socket.remoteAddress ?? 'unknown',
    host: (req) => trusted(req.headers['x-forwarded-host'], hops) ?? req.headers.host,
  };
}
