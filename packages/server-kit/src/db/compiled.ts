// Queries of a fixed shape, built and compiled once per SQL dialect and then run with new values.
// kysely otherwise builds an immutable tree and compiles it on every call (allocations and ~10 µs a
// query): for the statements every upload runs, that was a good part of the server's cost per file.
// The SQL is the one kysely compiles, so it stays portable (SQLite and PostgreSQL alike).
import type { CompiledQuery, Compilable, Kysely, QueryResult, RawBuilder } from 'kysely';
import type { Schema } from './schema.js';

/** Stands for the value named `key` while the query is built; found again among the parameters. */
class Slot {
  constructor(readonly key: string) {}
}

interface Template {
  compiled: CompiledQuery;
  /** for each compiled parameter: the value it takes (undefined: a constant of the query itself) */
  from: (string | undefined)[];
}

/** What `build` receives: reading a property gives the placeholder of that value. */
const placeholders = <P>(): P => new Proxy({}, { get: (_target, key) => new Slot(String(key)) }) as P;

/**
 * `build` makes the query from named values, which it may only place as values (never read to decide
 * the query's shape). Returns a function that runs it on any `db` (a transaction too) with the values
 * of `params` (undefined is sent as null).
 */
export function compiled<P extends object, R>(
  build: (db: Kysely<Schema>, params: P) => Compilable<R> | RawBuilder<R>,
): (db: Kysely<Schema>, params: P) => Promise<QueryResult<R>> {
  const templates = new Map<unknown, Template>();
  const templateFor = (db: Kysely<Schema>): Template => {
    const adapter = db.getExecutor().adapter.constructor; // one template per dialect
    let template = templates.get(adapter);
    if (!template) {
      const query = build(db, placeholders<P>()).compile(db); // (a query builder ignores `db`)
      const from = query.parameters.map((p) => (p instanceof Slot ? p.key : undefined));
      template = { compiled: query, from };
      templates.set(adapter, template);
    }
    return template;
  };
  return (db, params) => {
    const { compiled: query, from } = templateFor(db);
    const values = params as Record<string, unknown>;
    const parameters = from.map((key, at) =>
      key === undefined ? query.parameters[at] : (values[key] ?? null),
    );
    return db.executeQuery<R>({ ...query, parameters });
  };
}
