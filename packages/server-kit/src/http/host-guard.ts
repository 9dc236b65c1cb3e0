// DNS rebinding: a page on an attacker's name that resolves to this server would otherwise talk to it
// as a same-origin page. With a list of the names the server is reached by, any other Host header is
// refused with 421 (Misdirected Request). Ports are not compared; names are, case-insensitively.
import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors.js';

/** The names a server bound to loopback is reached by. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1'];

/** `Example.com:8443` -> `example.com`, `[::1]:3000` -> `::1`; undefined for an empty or odd header. */
export function hostName(header: string | undefined): string | undefined {
  const value = header?.trim().toLowerCase();
  if (!value) return undefined;
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    return end > 1 ? value.slice(1, end) : undefined;
  }
  const colon = value.indexOf(':');
  if (colon !== value.lastIndexOf(':')) return value; // a bare IPv6 address
  return colon === -1 ? value : value.slice(0, colon);
}

/** Whether `host` names a loopback interface (the demo's default bind). */
export const isLoopback = (host: string): boolean =>
  LOOPBACK_HOSTS.includes(hostName(host) ?? host) || /^127\.\d+\.\d+\.\d+$/.test(host);

/** A check of the Host header against `allowed` (names, optionally with a port, which is ignored). */
export function createHostGuard(allowed: readonly string[]): (req: IncomingMessage) => void {
  const names = new Set(allowed.map((host) => hostName(host.includes('://') ? new URL(host).host : host)));
  return (req) => {
    const name = hostName(req.headers.host);
    if (name !== undefined && names.has(name)) return;
    throw new HttpError(421, 'unknown-host', 'This server does not answer for that host name.', {
      Connection: 'close',
    });
  };
}
