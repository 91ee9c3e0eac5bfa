import { and, eq, lt, or, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { base64Url } from "../bytes";
import { DomainError } from "../domain-error";

/**
 * Keyset pagination. A cursor is opaque to clients: base64url of the last item's key as a JSON array, e.g.
 * [created_at, id] for lists newest first (D1 lists, and the webhook delivery log over its Durable Object's
 * SQLite). It always arrives as the `cursor` query parameter, hence the field path of its error.
 */
export type CursorKey = [createdAt: string, id: string];

export function encodeCursor(key: readonly (string | number)[]): string {
  return base64Url.encode(new TextEncoder().encode(JSON.stringify(key)));
}

/** The key of a cursor this API issued, checked by `isKey`; anything else is a 422 on `query.cursor`. */
export function decodeCursor<Key>(cursor: string, isKey: (value: unknown) => value is Key): Key {
  const bytes = base64Url.decode(cursor);
  try {
    const value: unknown =
      bytes && JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes));
    if (isKey(value)) return value;
  } catch {
    // Reported below, like any other cursor this API did not issue.
  }
  const message = "cursor is not one this API returned";
  throw new DomainError("INVALID_INPUT", message, {
    details: [{ path: "query.cursor", message, code: "invalid_cursor" }],
  });
}

export const isCreatedKey = (value: unknown): value is CursorKey =>
  Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === "string");

/** The condition for rows after the cursor's item (older, or as old with a smaller id); undefined without one. */
export function afterCursor(
  columns: { createdAt: SQLiteColumn; id: SQLiteColumn },
  cursor: string | undefined,
): SQL | undefined {
  if (!cursor) return undefined;
  const [createdAt, id] = decodeCursor(cursor, isCreatedKey);
  return or(lt(columns.createdAt, createdAt), and(eq(columns.createdAt, createdAt), lt(columns.id, id)));
}

/** A page from rows fetched with `limit + 1`: the extra row only says there is a next page. */
export function pageOf<T>(
  rows: T[],
  limit: number,
  key: (row: T) => CursorKey,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}
