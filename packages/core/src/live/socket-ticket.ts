// Socket auth across origins: a browser cannot put a bearer token (or, cross-origin, a cookie the
// server trusts for an upgrade) on a WebSocket, so before each (re)connect the client asks
// `POST {endpoint}/events/ticket` (authenticated like any REST call) for a short-lived single-use
// ticket and connects with `?ticket=`.
import { MediaApiError, type JsonFetcher } from '../http.js';

export const TICKET_PATH = '/events/ticket';

export interface TicketAnswer {
  ticket: string;
  /** seconds */
  expiresIn: number;
}

/**
 * A ticket for the next connect; null when the server has no ticket route (404/405: a server from
 * before tickets, where the upgrade authenticates itself). Any other failure (401, offline) throws:
 * the socket tries again later and the client polls meanwhile.
 */
export function createTicketSource(fetcher: JsonFetcher): () => Promise<string | null> {
  return async () => {
    try {
      const answer = await fetcher<TicketAnswer>(TICKET_PATH, { method: 'POST' });
      return typeof answer?.ticket === 'string' && answer.ticket !== '' ? answer.ticket : null;
    } catch (error) {
      if (error instanceof MediaApiError && (error.status === 404 || error.status === 405)) return null;
      throw error;
    }
  };
}

/** `url` with `ticket=<ticket>` added to its query. */
export function withTicket(url: string, ticket: string | null): string {
  if (ticket === null) return url;
  const next = new URL(url);
  next.searchParams.set('ticket', ticket);
  return next.href;
}
