import type { DeliveredEventType, ProjectEventInput, ProjectEventType } from "./event-types";

/** An event as the log keeps it: `body` is exactly what webhooks send and streams show. */
export interface LoggedEvent {
  seq: number;
  id: string;
  type: DeliveredEventType;
  body: string;
}

/** The JSON body of a webhook: `{type, timestamp, data}`, serialised once so every delivery signs the same bytes. */
export const eventBody = (event: Pick<ProjectEventInput, "type" | "timestamp" | "data"> | TestEvent) =>
  JSON.stringify({ type: event.type, timestamp: event.timestamp, data: event.data });

export interface TestEvent {
  id: string;
  type: "webhook.test";
  timestamp: string;
  data: { webhook_id: string; project_id: string; message: string };
}

/**
 * The project's ordered event log in the project object's SQLite: `seq` is the order every subscriber and endpoint
 * sees. An id it already holds is ignored, so a producer may forward an event any number of times.
 */
export class EventLog {
  constructor(private readonly sql: SqlStorage) {
    // `endpoint_id` is set only for webhook.test events, which belong to one endpoint and never reach the streams.
    sql.exec(`CREATE TABLE IF NOT EXISTS events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, body TEXT NOT NULL,
      recorded_at INTEGER NOT NULL, endpoint_id TEXT)`);
    sql.exec("CREATE INDEX IF NOT EXISTS events_recorded ON events (recorded_at)");
  }

  /** Appends the event; null when the log already has its id. */
  add(event: ProjectEventInput | TestEvent, now: number, endpointId: string | null = null): LoggedEvent | null {
    const body = eventBody(event);
    const row = this.sql
      .exec<{ seq: number }>(
        "INSERT INTO events (id, type, body, recorded_at, endpoint_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING seq",
        event.id,
        event.type,
        body,
        now,
        endpointId,
      )
      .toArray()[0];
    return row ? { seq: row.seq, id: event.id, type: event.type, body } : null;
  }

  get(seq: number): LoggedEvent | null {
    return (
      this.sql
        .exec<{ seq: number; id: string; type: DeliveredEventType; body: string }>(
          "SELECT seq, id, type, body FROM events WHERE seq = ?",
          seq,
        )
        .toArray()[0] ?? null
    );
  }

  /** The events at these positions (those the log still holds), in one query. */
  getMany(seqs: readonly number[]): Map<number, LoggedEvent> {
    if (seqs.length === 0) return new Map();
    const rows = this.sql
      .exec<{ seq: number; id: string; type: DeliveredEventType; body: string }>(
        `SELECT seq, id, type, body FROM events WHERE seq IN (${seqs.map(() => "?").join(", ")})`,
        ...seqs,
      )
      .toArray();
    return new Map(rows.map((row) => [row.seq, row]));
  }

  /** The position of a streamed event, for Last-Event-ID; null when the log does not hold it (any more). */
  seqOf(id: string): number | null {
    const row = this.sql
      .exec<{ seq: number }>("SELECT seq FROM events WHERE id = ? AND endpoint_id IS NULL", id)
      .toArray()[0];
    return row?.seq ?? null;
  }

  /** Streamed events after `seq`, oldest first, of `types` (all when null). */
  after(seq: number, types: ReadonlySet<ProjectEventType> | null): LoggedEvent[] {
    const rows = this.sql
      .exec<{ seq: number; id: string; type: DeliveredEventType; body: string }>(
        "SELECT seq, id, type, body FROM events WHERE seq > ? AND endpoint_id IS NULL ORDER BY seq",
        seq,
      )
      .toArray();
    return types ? rows.filter((row) => types.has(row.type as ProjectEventType)) : rows;
  }

  /** Forgets events recorded before `before` that no pending delivery still needs. */
  prune(before: number): void {
    this.sql.exec(
      "DELETE FROM events WHERE recorded_at < ? AND seq NOT IN (SELECT event_seq FROM deliveries WHERE status = 'pending')",
      before,
    );
  }
}
