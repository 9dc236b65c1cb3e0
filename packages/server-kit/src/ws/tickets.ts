// Socket tickets: how a page on another origin opens the socket when its credentials are a bearer
// token (a browser cannot put headers on a WebSocket) or cross-site cookies. `POST {base}/events/ticket`,
// authenticated like any REST call, answers 201 `{ticket, expiresIn}`; the socket then connects to
// `{base}/events?ticket=…`. A ticket is random (256 bits), stored only as its SHA-256, valid 60 s,
// single use (taken by the upgrade that presents it, whatever the outcome), and stands for the
// identity (tenant, user, roles) that asked for it: that upgrade calls no authenticate hook.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SOCKET_TICKET_PARAM, type SocketTicketResponse } from '@mediabay/core/protocol';
import type { MediaDatabase } from '../db/database.js';
import type { AuthContext } from '../options.js';

export const TICKET_TTL_MS = 60_000;
const TICKET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (ticket: string): string => createHash('sha256').update(ticket).digest('hex');

export interface SocketTickets {
  issue(auth: AuthContext): Promise<SocketTicketResponse>;
  /** The identity the ticket was issued to; undefined for an unknown, used or expired ticket. */
  redeem(ticket: string): Promise<AuthContext | undefined>;
}

/** `db` is asked for lazily: the database opens after the relay is made. */
export function createSocketTickets(db: () => Promise<MediaDatabase>, ttlMs = TICKET_TTL_MS): SocketTickets {
  return {
    async issue(auth) {
      const ticket = randomBytes(32).toString('base64url');
      const now = Date.now();
      await (
        await db()
      ).insertSocketTicket(
        {
          id: hashOf(ticket),
          tenantId: auth.tenantId,
          userId: auth.userId,
          roles: [...auth.roles],
          expiresAt: new Date(now + ttlMs).toISOString(),
        },
        new Date(now).toISOString(),
      );
      return { ticket, expiresIn: Math.round(ttlMs / 1000) };
    },
    async redeem(ticket) {
      if (!TICKET_PATTERN.test(ticket)) return undefined;
      const row = await (await db()).takeSocketTicket(hashOf(ticket), new Date().toISOString());
      return row && { tenantId: row.tenantId, userId: row.userId, roles: row.roles };
    },
  };
}

/** The ticket of a socket URL (`?ticket=`), or undefined when the upgrade carries none. */
export function ticketOf(req: IncomingMessage): string | undefined {
  const query = (req.url ?? '').split('?')[1];
  if (query === undefined) return undefined;
  return new URLSearchParams(query).get(SOCKET_TICKET_PARAM) ?? undefined;
}
