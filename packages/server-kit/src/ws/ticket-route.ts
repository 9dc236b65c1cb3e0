// `POST {base}/events/ticket`: a socket ticket for the caller (ws/tickets.ts), who must be allowed to
// read the library (the upgrade checks it again for the ticket's identity).
import { type AccessContext, requireAccess } from '../access/guard.js';
import { sendJson } from '../http/respond.js';
import type { Router } from '../rest/router.js';
import type { SocketTickets } from './tickets.js';

export function addTicketRoute(router: Router, ctx: AccessContext, tickets: SocketTickets): void {
  router.add('POST', '/events/ticket', async ({ res, auth }) => {
    await requireAccess(ctx, auth, 'read');
    sendJson(res, 201, await tickets.issue(auth));
  });
}
