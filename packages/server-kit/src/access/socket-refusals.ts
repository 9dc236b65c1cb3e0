// Records refused socket upgrades as `socket.refused`, bounded so a flood cannot fill the audit log:
// a few entries per caller and per window, the rest counted into one summary entry per tenant.
import { consoleLogger, type Logger } from '../logger.js';
import type { NewAuditEntry } from '../db/database.js';
import type { AuthContext } from './auth-context.js';

/** One refused upgrade: the answer, who asked when known, and from where. */
export interface SocketRefusal {
  status: number;
  /** the error code the caller would see in a JSON body: `unauthenticated`, `forbidden`... */
  code: string;
  auth?: AuthContext | undefined;
  remoteAddress: string;
  origin?: string | undefined;
}

export interface RefusalBounds {
  /** Entries per caller (a signed-in user, or a remote address when unknown) per window. */
  perCaller: number;
  /** Entries of unknown callers, all addresses together, per window. */
  unknownCallers: number;
  windowMs: number;
}

export const DEFAULT_REFUSAL_BOUNDS: RefusalBounds = { perCaller: 5, unknownCallers: 60, windowMs: 60_000 };

export interface RefusalAudit {
  record(refusal: SocketRefusal): void;
  /** Ends the window: writes the summaries of what was left out, and starts counting afresh. */
  flush(): Promise<void>;
  /** Stops the window timer, flushes, and waits for every write. */
  close(): Promise<void>;
}

/** Refusals left out of one tenant's log in one window (`''`: callers nobody knows). */
interface Suppressed {
  count: number;
  statuses: Record<string, number>;
  /** the busiest addresses and users, capped so a flood from many addresses holds little memory */
  addresses: Map<string, number>;
  users: Map<string, number>;
}

const MAX_COUNTED = 100;
const SHOWN = 10;
/** An Origin header is the caller's to write: kept short in the log. */
const clip = (text: string): string => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

function countInto(counts: Map<string, number>, key: string): void {
  const seen = counts.get(key);
  if (seen !== undefined || counts.size < MAX_COUNTED) counts.set(key, (seen ?? 0) + 1);
}

function busiest(counts: Map<string, number>): { id: string; count: number }[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, SHOWN)
    .map(([id, count]) => ({ id, count }));
}

export function createRefusalAudit(
  write: (entry: NewAuditEntry) => Promise<void>,
  bounds: RefusalBounds = DEFAULT_REFUSAL_BOUNDS,
  logger: Logger = consoleLogger,
): RefusalAudit {
  let perCaller = new Map<string, number>();
  let unknown = 0;
  let windowStart = new Date().toISOString();
  let suppressed = new Map<string, Suppressed>();
  /** Writes go one after another, so the log keeps the order of the refusals (a pool would not). */
  let written = Promise.resolve();

  function send(entry: NewAuditEntry): void {
    written = written
      .then(() => write(entry))
      .catch((error: unknown) => logger.error('audit of a refused socket', error));
  }

  function suppress(tenantId: string, refusal: SocketRefusal): void {
    let s = suppressed.get(tenantId);
    if (!s)
      suppressed.set(tenantId, (s = { count: 0, statuses: {}, addresses: new Map(), users: new Map() }));
    s.count += 1;
    s.statuses[refusal.status] = (s.statuses[refusal.status] ?? 0) + 1;
    countInto(s.addresses, refusal.remoteAddress);
    if (refusal.auth) countInto(s.users, refusal.auth.userId);
  }

  function record(refusal: SocketRefusal): void {
    const { auth } = refusal;
    const caller = auth
      ? `user\u0000${auth.tenantId}\u0000${auth.userId}`
      : `address\u0000${refusal.remoteAddress}`;
    const count = perCaller.get(caller) ?? 0;
    if (count >= bounds.perCaller || (!auth && unknown >= bounds.unknownCallers)) {
      suppress(auth?.tenantId ?? '', refusal);
      return;
    }
    perCaller.set(caller, count + 1);
    if (!auth) unknown += 1;
    send({
      tenantId: auth?.tenantId ?? '',
      userId: auth?.userId ?? '',
      action: 'socket.refused',
      detail: {
        status: refusal.status,
        reason: refusal.code,
        remoteAddress: refusal.remoteAddress,
        ...(refusal.origin === undefined ? {} : { origin: clip(refusal.origin) }),
      },
    });
  }

  async function flush(): Promise<void> {
    const left = suppressed;
    const from = windowStart;
    perCaller = new Map();
    unknown = 0;
    suppressed = new Map();
    windowStart = new Date().toISOString();
    for (const [tenantId, s] of left) {
      send({
        tenantId,
        userId: '',
        action: 'socket.refused',
        detail: {
          suppressed: s.count,
          since: from,
          statuses: s.statuses,
          addresses: busiest(s.addresses),
          ...(s.users.size > 0 ? { users: busiest(s.users) } : {}),
        },
      });
    }
    await written;
  }

  const timer = setInterval(() => void flush(), bounds.windowMs).unref();

  return {
    record,
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
