import { text } from "drizzle-orm/sqlite-core";

/** ISO 8601 timestamps as text: they sort lexically and read the same in SQL and JSON. */
export const timestamps = {
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
};

/**
 * A JSON value as stored in a `{ mode: "json" }` column and passed over Durable Object RPC. Interfaces, not
 * `unknown`: Workers RPC types a method returning `unknown` (or `Record<string, unknown>`) as `never`, and a
 * recursive type alias is too deep for its serializability check.
 */
export type JsonValue = string | number | boolean | null | JsonArray | JsonObject;
export interface JsonArray extends Array<JsonValue> {}
/** `undefined` members are allowed, as in JSON.stringify, so optional fields of parsed objects fit. */
export interface JsonObject {
  [key: string]: JsonValue | undefined;
}
