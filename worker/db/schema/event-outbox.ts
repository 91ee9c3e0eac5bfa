import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { JsonObject } from "./columns";

/**
 * Project events of changes made in D1 (an upload registered, an asset deleted), written in the same batch as the
 * change. Each row is forwarded to the project's event log (worker/events/) right after the batch and deleted once
 * the log has it; rows a crash left behind are forwarded by the scheduled sweep. The log ignores an id it already
 * has, so forwarding twice is harmless.
 */
export const eventOutbox = sqliteTable(
  "event_outbox",
  {
    /** The event id (`msg_...`), the webhook-id of its deliveries. */
    id: text("id").primaryKey(),
    projectId: text("project_id").notNull(),
    /** A project event type (worker/events/event-types.ts); plain text like jobs.job_type. */
    type: text("type").notNull(),
    /** When the change happened, ISO 8601. */
    occurredAt: text("occurred_at").notNull(),
    data: text("data", { mode: "json" }).$type<JsonObject>().notNull(),
  },
  (table) => [index("event_outbox_project_idx").on(table.projectId, table.occurredAt)],
);

export type EventOutboxRow = typeof eventOutbox.$inferSelect;
