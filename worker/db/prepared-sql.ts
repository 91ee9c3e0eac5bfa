import { fillPlaceholders, type Query } from "drizzle-orm";
import type { Database } from "./client";

/** A statement that binds its named `sql.placeholder()` values and runs on D1. */
export type PreparedSql<V extends Record<string, unknown>> = (db: Database, values: V) => D1PreparedStatement;

/**
 * A statement drizzle writes once per isolate, with `sql.placeholder()` where its values go, then bound and run
 * straight on D1. Only the values change between requests, and building a drizzle query costs more Worker CPU
 * than anything else on the hottest routes (profiled: an answer save built three per request, a submit one per
 * question). Results come back as D1 rows, keyed by SQL column names.
 */
export function preparedSql<V extends Record<string, unknown>>(
  build: (db: Database) => { toSQL(): Query },
): PreparedSql<V> {
  let query: Query | undefined;
  return (db, values) => {
    query ??= build(db).toSQL();
    return db.$client.prepare(query.sql).bind(...fillPlaceholders(query.params, values));
  };
}
