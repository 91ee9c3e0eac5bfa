import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Project API keys. Only a SHA-256 hash of the secret is stored; the plaintext is shown once. */
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id").notNull(),
    name: text("name").notNull(),
    /** The first characters of the key, safe to show so users can tell keys apart. */
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    createdAt: text("created_at").notNull(),
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
  },
  (table) => [index("api_keys_project_idx").on(table.projectId)],
);

export type ApiKey = typeof apiKeys.$inferSelect;
