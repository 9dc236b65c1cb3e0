// Test support: the SQL statements the kit runs, counted where the driver runs them (better-sqlite3's
// statements on SQLite; pg's client.query on PostgreSQL, what its statement log would show), and on
// SQLite the statements prepared meanwhile. Patches the drivers' prototypes until `restore()`.
import Sqlite from 'better-sqlite3';
import pg from 'pg';

/** a prototype whose methods are wrapped */
export type Methods = Record<string, (...args: unknown[]) => unknown>;

const onPostgres = process.env.MEDIABAY_TEST_DATABASE === 'postgres';

/** Records the SQL of every statement run (and on SQLite every prepare), while `on`. */
export function recordStatements() {
  const probe = new Sqlite(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('select 1')) as Methods;
  const database = Object.getPrototypeOf(probe) as Methods;
  probe.close();
  const originals = new Map<[Methods, string], (...args: unknown[]) => unknown>();
  const state = { on: false, run: [] as { by: unknown; sql: string }[], prepared: [] as string[] };
  // PostgreSQL: the job queue (pg-boss) has a pool of its own, whose clients show themselves by a
  // statement on the queue's schema (polling, maintenance; no job for a file with nothing to
  // process); their statements, BEGIN/COMMIT included, are not the kit's
  const queueClients = new WeakSet<object>();
  const wrap = (
    proto: Methods,
    method: string,
    into: 'run' | 'prepared',
    sql: (args: unknown[]) => string,
  ) => {
    const original = proto[method] as (...args: unknown[]) => unknown;
    originals.set([proto, method], original);
    proto[method] = function (this: object, ...args: unknown[]) {
      const text = sql.call(this, args).replace(/\s+/g, ' ').trim();
      if (/mediabay_jobs\./.test(text)) queueClients.add(this);
      if (state.on && into === 'run') state.run.push({ by: this, sql: text });
      if (state.on && into === 'prepared') state.prepared.push(text);
      return original.apply(this, args);
    };
  };
  if (onPostgres) {
    wrap(pg.Client.prototype as unknown as Methods, 'query', 'run', (args) =>
      typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string }).text),
    );
  } else {
    for (const method of ['run', 'get', 'all', 'iterate'])
      wrap(statement, method, 'run', function (this: { source: string }) {
        return this.source;
      });
    wrap(database, 'prepare', 'prepared', (args) => String(args[0]));
  }
  return {
    set on(on: boolean) {
      state.on = on;
    },
    /** the statements run while on (the job queue's left out) */
    get run(): string[] {
      return state.run.filter((entry) => !queueClients.has(entry.by as object)).map((entry) => entry.sql);
    },
    get prepared(): string[] {
      return state.prepared;
    },
    reset() {
      state.run = [];
      state.prepared = [];
    },
    restore() {
      for (const [[proto, method], original] of originals) proto[method] = original;
    },
  };
}

export type StatementRecorder = ReturnType<typeof recordStatements>;
