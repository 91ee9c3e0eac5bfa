import type { Job } from "./job";

/** The job plus the engine's private bookkeeping, stored together in the Durable Object. */
export interface JobState {
  job: Job;
  assetId: string | null;
  /** While running: when the current attempt is presumed dead unless renewed (epoch ms). */
  leaseExpiresAt: number | null;
  /** Queued jobs only: true once the job may run now (first dispatch or its retry alarm fired). */
  released: boolean;
  /** The media instance the last attempt found dead: the retry's run slot avoids it (absent in older states). */
  avoidInstance?: number | null;
}

export interface JobEvent {
  seq: number;
  /** The job as JSON, exactly as it was sent to subscribers. */
  data: string;
}

// Enough for any reconnecting client; older events are only reachable as the current snapshot.
const RETAINED_EVENTS = 1000;

/** The job's SQLite storage: one state row and an append-only event log with increasing sequence ids. */
export class JobStore {
  constructor(private readonly sql: SqlStorage) {
    this.createTables();
  }

  /** Also after storage.deleteAll(), which drops them: the instance may still be asked about its job. */
  createTables(): void {
    this.sql.exec("CREATE TABLE IF NOT EXISTS job_state (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL)");
    this.sql.exec("CREATE TABLE IF NOT EXISTS job_events (seq INTEGER PRIMARY KEY AUTOINCREMENT, data TEXT NOT NULL)");
  }

  load(): JobState | null {
    const row = this.sql.exec<{ data: string }>("SELECT data FROM job_state WHERE id = 1").toArray()[0];
    return row ? (JSON.parse(row.data) as JobState) : null;
  }

  /** Saves bookkeeping that subscribers do not see (lease renewals, dispatch flags). */
  saveQuietly(state: JobState): void {
    this.sql.exec(
      "INSERT INTO job_state (id, data) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data",
      JSON.stringify(state),
    );
  }

  /** Saves the state and appends the job to the event log, synchronously; returns the new event. */
  commit(state: JobState): JobEvent {
    this.saveQuietly(state);
    const data = JSON.stringify(state.job);
    const seq = this.sql
      .exec<{ seq: number }>("INSERT INTO job_events (data) VALUES (?) RETURNING seq", data)
      .one().seq;
    if (seq > RETAINED_EVENTS) this.sql.exec("DELETE FROM job_events WHERE seq <= ?", seq - RETAINED_EVENTS);
    return { seq, data };
  }

  /**
   * What a new subscriber gets: the events after `lastEventId` (a reconnecting client's), else the latest one.
   * Ids the log cannot answer (pruned, or newer than any event: another job's or a stale client's) get the
   * latest. Null before the first event.
   */
  eventsToSend(lastEventId: string | null): JobEvent[] | null {
    const latest = this.latestEvent();
    if (!latest) return null;
    const seq = Number.parseInt(lastEventId ?? "", 10);
    const known = Number.isSafeInteger(seq) && seq >= 0 && seq <= latest.seq;
    return (known ? this.eventsAfter(seq) : null) ?? [latest];
  }

  latestEvent(): JobEvent | null {
    return (
      this.sql
        .exec<{ seq: number; data: string }>("SELECT seq, data FROM job_events ORDER BY seq DESC LIMIT 1")
        .toArray()[0] ?? null
    );
  }

  /** Events after `seq`, oldest first; null when some of them were already pruned. */
  eventsAfter(seq: number): JobEvent[] | null {
    const oldest = this.sql.exec<{ seq: number | null }>("SELECT MIN(seq) AS seq FROM job_events").one().seq;
    if (oldest !== null && seq < oldest - 1) return null;
    return this.sql
      .exec<{ seq: number; data: string }>("SELECT seq, data FROM job_events WHERE seq > ? ORDER BY seq", seq)
      .toArray();
  }
}
