import { text } from "drizzle-orm/sqlite-core";

/** ISO 8601 timestamps as text: they sort lexically and read the same in SQL and JSON. */
export const timestamps = {
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
};
