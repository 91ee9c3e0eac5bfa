import type { DeliveredEventType } from "./event-types";
import type { AttemptOutcome } from "./webhook-sender";

export const DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export type AttemptView = {
  attempted_at: string;
  /** Null when no status arrived (timeout, connection refused); then `error` says why. */
  status_code: number | null;
  latency_ms: number;
  /** The first 1 KB of the response body. */
  response_body: string | null;
  error: string | null;
  /** When the next attempt was scheduled after this one; null when none was. */
  next_attempt_at: string | null;
};

export interface DeliveryView {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: DeliveredEventType;
  status: DeliveryStatus;
  attempt_count: number;
  next_attempt_at: string | null;
  created_at: string;
  updated_at: string;
  /** Oldest first. */
  attempts: AttemptView[];
}

/** One attempt of a delivery as the log records it, with the delivery's state after it. */
export interface RecordedAttempt {
  delivery: DueDelivery;
  attempt: AttemptOutcome & { at: number };
  status: DeliveryStatus;
  /** When the next attempt is due; null when none will be made. */
  nextAttemptAt: number | null;
}

/** A delivery as the sender needs it. */
export interface DueDelivery {
  id: string;
  endpointId: string;
  eventSeq: number;
  attemptCount: number;
  /** Failed attempts since the delivery was last (re)started: the position in the retry schedule. */
  failedInRound: number;
}

type DeliveryRow = {
  id: string;
  endpoint_id: string;
  event_seq: number;
  event_id: string;
  event_type: DeliveredEventType;
  status: DeliveryStatus;
  attempt_count: number;
  round_start: number;
  next_attempt_at: number | null;
  created_at: string;
  updated_at: string;
};

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** `dlv_` + the time in hex + random hex, so ids sort by creation like the rows do. */
const newDeliveryId = (now: number) =>
  `dlv_${now.toString(16).padStart(12, "0")}${Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, "0")).join("")}`;

/** Webhook deliveries (one per event and endpoint) and their attempts, in the project object's SQLite. */
export class DeliveryStore {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(`CREATE TABLE IF NOT EXISTS deliveries (
      id TEXT PRIMARY KEY, endpoint_id TEXT NOT NULL, event_seq INTEGER NOT NULL, event_id TEXT NOT NULL,
      event_type TEXT NOT NULL, status TEXT NOT NULL, attempt_count INTEGER NOT NULL, round_start INTEGER NOT NULL,
      next_attempt_at INTEGER, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`);
    sql.exec("CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (status, next_attempt_at)");
    sql.exec("CREATE INDEX IF NOT EXISTS deliveries_listing ON deliveries (endpoint_id, created_at, id)");
    // dueBatch walks one endpoint's pending deliveries in event order and skips those not due (retries waiting,
    // requests out) inside the index. Left to itself the planner took deliveries_due and sorted every endpoint's due
    // rows: the object's largest CPU cost in bench:webhooks. This index replaces one without next_attempt_at.
    sql.exec("DROP INDEX IF EXISTS deliveries_endpoint_order");
    sql.exec(
      "CREATE INDEX IF NOT EXISTS deliveries_endpoint_seq_due ON deliveries (endpoint_id, status, event_seq, next_attempt_at)",
    );
    sql.exec(`CREATE TABLE IF NOT EXISTS attempts (
      delivery_id TEXT NOT NULL, number INTEGER NOT NULL, attempted_at TEXT NOT NULL, status_code INTEGER,
      latency_ms INTEGER NOT NULL, response_body TEXT, error TEXT, next_attempt_at TEXT,
      PRIMARY KEY (delivery_id, number))`);
  }

  create(endpointId: string, event: { seq: number; id: string; type: DeliveredEventType }, now: number): string {
    return this.createFor([endpointId], event, now)[0] as string;
  }

  /**
   * One delivery of the event per endpoint, in one statement; returns their ids in the same order. The event's
   * fields are bound once (a statement binds at most 100 parameters): 6 + 2 per endpoint, 46 for 20 endpoints.
   */
  createFor(
    endpointIds: readonly string[],
    event: { seq: number; id: string; type: DeliveredEventType },
    now: number,
  ): string[] {
    const ids = endpointIds.map(() => newDeliveryId(now));
    if (ids.length === 0) return ids;
    const at = iso(now);
    this.sql.exec(
      `INSERT INTO deliveries (id, endpoint_id, event_seq, event_id, event_type, status, attempt_count, round_start,
        next_attempt_at, created_at, updated_at)
       SELECT targets.column1, targets.column2, ?, ?, ?, 'pending', 0, 0, ?, ?, ?
       FROM (VALUES ${ids.map(() => "(?, ?)").join(", ")}) AS targets`,
      event.seq,
      event.id,
      event.type,
      now,
      at,
      at,
      ...ids.flatMap((id, i) => [id, endpointIds[i]]),
    );
    return ids;
  }

  /** The endpoint's first `limit` deliveries due by `dueBy`, in event order: sent in this order, they keep it. */
  dueBatch(endpointId: string, dueBy: number, limit: number): DueDelivery[] {
    return this.sql
      .exec<DeliveryRow>(
        `SELECT * FROM deliveries INDEXED BY deliveries_endpoint_seq_due
         WHERE endpoint_id = ? AND status = 'pending' AND next_attempt_at <= ? ORDER BY event_seq LIMIT ?`,
        endpointId,
        dueBy,
        limit,
      )
      .toArray()
      .map(toDue);
  }

  /** Endpoints with a delivery due by `dueBy`. */
  endpointsDue(dueBy: number): string[] {
    return this.sql
      .exec<{ endpoint_id: string }>(
        "SELECT DISTINCT endpoint_id FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ?",
        dueBy,
      )
      .toArray()
      .map((row) => row.endpoint_id);
  }

  /** The earliest time a pending delivery is due, or null. */
  earliestDue(): number | null {
    return this.sql
      .exec<{ at: number | null }>("SELECT MIN(next_attempt_at) AS at FROM deliveries WHERE status = 'pending'")
      .one().at;
  }

  /** Moves pending deliveries' due time, e.g. past a send in flight so that only a crash brings them back. */
  postpone(ids: readonly string[], until: number): void {
    if (ids.length === 0) return;
    this.sql.exec(
      `UPDATE deliveries SET next_attempt_at = ? WHERE status = 'pending' AND id IN (${ids.map(() => "?").join(", ")})`,
      until,
      ...ids,
    );
  }

  /**
   * Records attempts and each delivery's new state: a statement per 12 attempts and one per 24 deliveries (at most
   * 100 bound parameters each) rather than two per attempt.
   */
  recordAttempts(attempts: readonly RecordedAttempt[]): void {
    for (let start = 0; start < attempts.length; start += 12) {
      const chunk = attempts.slice(start, start + 12);
      this.sql.exec(
        `INSERT INTO attempts (delivery_id, number, attempted_at, status_code, latency_ms, response_body, error,
          next_attempt_at) VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
        ...chunk.flatMap(({ delivery, attempt, nextAttemptAt }) => [
          delivery.id,
          delivery.attemptCount + 1,
          iso(attempt.at),
          attempt.statusCode,
          attempt.latencyMs,
          attempt.responseBody,
          attempt.error,
          iso(nextAttemptAt),
        ]),
      );
    }
    const updatedAt = iso(Date.now());
    for (let start = 0; start < attempts.length; start += 24) {
      const chunk = attempts.slice(start, start + 24);
      this.sql.exec(
        `UPDATE deliveries SET status = changed.column2, attempt_count = changed.column3,
          next_attempt_at = changed.column4, updated_at = ?
         FROM (VALUES ${chunk.map(() => "(?, ?, ?, ?)").join(", ")}) AS changed WHERE deliveries.id = changed.column1`,
        updatedAt,
        ...chunk.flatMap(({ delivery, status, nextAttemptAt }) => [
          delivery.id,
          status,
          delivery.attemptCount + 1,
          nextAttemptAt,
        ]),
      );
    }
  }

  /** Starts deliveries over (a manual retry or replay): due now, at the start of the retry schedule. */
  restart(ids: readonly string[], now: number): void {
    for (const id of ids) {
      this.sql.exec(
        `UPDATE deliveries SET status = 'pending', round_start = attempt_count, next_attempt_at = ?, updated_at = ?
         WHERE id = ?`,
        now,
        iso(now),
        id,
      );
    }
  }

  /** Failed deliveries of the endpoint created at or after `since`. */
  failedSince(endpointId: string, since: string): string[] {
    return this.sql
      .exec<{ id: string }>(
        "SELECT id FROM deliveries WHERE endpoint_id = ? AND status = 'failed' AND created_at >= ? ORDER BY event_seq",
        endpointId,
        since,
      )
      .toArray()
      .map((row) => row.id);
  }

  /** Gives up the endpoint's pending deliveries (it was disabled); replay sends them again. */
  failPending(endpointId: string, now: number): void {
    this.sql.exec(
      "UPDATE deliveries SET status = 'failed', next_attempt_at = NULL, updated_at = ? WHERE endpoint_id = ? AND status = 'pending'",
      iso(now),
      endpointId,
    );
  }

  get(endpointId: string, id: string): DeliveryView | null {
    const row = this.sql
      .exec<DeliveryRow>("SELECT * FROM deliveries WHERE id = ? AND endpoint_id = ?", id, endpointId)
      .toArray()[0];
    return row ? this.view(row) : null;
  }

  /** Due data of one delivery, for sending it now. */
  due(id: string): DueDelivery | null {
    const row = this.sql.exec<DeliveryRow>("SELECT * FROM deliveries WHERE id = ?", id).toArray()[0];
    return row ? toDue(row) : null;
  }

  /** Newest first, after the cursor's [created_at, id]; one row more than `limit` says there is a next page. */
  list(
    endpointId: string,
    query: { status?: DeliveryStatus; limit: number; after?: [createdAt: string, id: string] },
  ): DeliveryView[] {
    const [afterAt, afterId] = query.after ?? ["\uffff", ""];
    const rows = this.sql
      .exec<DeliveryRow>(
        `SELECT * FROM deliveries WHERE endpoint_id = ? AND (? IS NULL OR status = ?)
         AND (created_at < ? OR (created_at = ? AND id < ?))
         ORDER BY created_at DESC, id DESC LIMIT ?`,
        endpointId,
        query.status ?? null,
        query.status ?? null,
        afterAt,
        afterAt,
        query.after ? afterId : "\uffff",
        query.limit + 1,
      )
      .toArray();
    return rows.map((row) => this.view(row));
  }

  deleteForEndpoint(endpointId: string): void {
    this.sql.exec(
      "DELETE FROM attempts WHERE delivery_id IN (SELECT id FROM deliveries WHERE endpoint_id = ?)",
      endpointId,
    );
    this.sql.exec("DELETE FROM deliveries WHERE endpoint_id = ?", endpointId);
  }

  /** Forgets finished deliveries (and their attempts) created before `before`. */
  prune(before: number): void {
    const cutoff = iso(before);
    this.sql.exec(
      "DELETE FROM attempts WHERE delivery_id IN (SELECT id FROM deliveries WHERE created_at < ? AND status != 'pending')",
      cutoff,
    );
    this.sql.exec("DELETE FROM deliveries WHERE created_at < ? AND status != 'pending'", cutoff);
  }

  private view(row: DeliveryRow): DeliveryView {
    const attempts = this.sql
      .exec<AttemptView>(
        `SELECT attempted_at, status_code, latency_ms, response_body, error, next_attempt_at FROM attempts
         WHERE delivery_id = ? ORDER BY number`,
        row.id,
      )
      .toArray();
    return {
      id: row.id,
      webhook_id: row.endpoint_id,
      event_id: row.event_id,
      event_type: row.event_type,
      status: row.status,
      attempt_count: row.attempt_count,
      next_attempt_at: row.status === "pending" ? iso(row.next_attempt_at) : null,
      created_at: row.created_at,
      updated_at: row.updated_at,
      attempts,
    };
  }
}

function toDue(row: DeliveryRow): DueDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventSeq: row.event_seq,
    attemptCount: row.attempt_count,
    failedInRound: row.attempt_count - row.round_start,
  };
}
