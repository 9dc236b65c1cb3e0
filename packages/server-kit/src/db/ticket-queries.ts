// Queries on socket tickets (ws/tickets.ts): stored by hash, taken (deleted) once, expired ones swept
// whenever a new one is stored.
import type { Kysely } from 'kysely';
import type { MediaDatabase } from './database.js';
import type { Schema } from './schema.js';

type TicketQueries = Pick<MediaDatabase, 'insertSocketTicket' | 'takeSocketTicket'>;

export function createTicketQueries(db: Kysely<Schema>): TicketQueries {
  return {
    async insertSocketTicket(ticket, now) {
      await db.deleteFrom('socket_tickets').where('expires_at', '<=', now).execute();
      await db
        .insertInto('socket_tickets')
        .values({
          id: ticket.id,
          tenant_id: ticket.tenantId,
          user_id: ticket.userId,
          roles: JSON.stringify(ticket.roles),
          expires_at: ticket.expiresAt,
        })
        .execute();
    },

    async takeSocketTicket(id, now) {
      // one DELETE: of two upgrades with the same ticket, exactly one gets the row
      const row = await db
        .deleteFrom('socket_tickets')
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      if (!row || row.expires_at <= now) return undefined;
      return {
        id: row.id,
        tenantId: row.tenant_id,
        userId: row.user_id,
        roles: JSON.parse(row.roles) as string[],
        expiresAt: row.expires_at,
      };
    },
  };
}
