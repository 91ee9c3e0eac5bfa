import type { ProjectEventInput } from "../events/event-types";
import type { Logger } from "../logger";

/**
 * The job object's outbox: the project events of a state change, written into the job's SQLite in the same
 * synchronous block as the change (so both commit together), then forwarded to the project's event log and
 * deleted once it has them. A forward that fails (or a crash before it) is retried from the next change, a lease
 * renewal or the object's alarm; the log ignores ids it already has, so a repeated forward adds nothing.
 */
export class JobOutbox {
  private running: Promise<void> | null = null;
  /** The last forward failed; the owner retries soon (its alarm). */
  failed = false;

  constructor(
    private readonly sql: SqlStorage,
    private readonly forward: (events: ProjectEventInput[]) => Promise<void>,
    private readonly logger: Logger,
  ) {
    this.createTables();
  }

  /** Also after storage.deleteAll(), which drops them. */
  createTables(): void {
    this.sql.exec("CREATE TABLE IF NOT EXISTS job_outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, event TEXT NOT NULL)");
  }

  /** Synchronous: call it in the same block as the state commit. */
  add(event: ProjectEventInput): void {
    this.sql.exec("INSERT INTO job_outbox (event) VALUES (?)", JSON.stringify(event));
  }

  get pending(): boolean {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM job_outbox").one().n > 0;
  }

  /** Forwards everything pending, in order; never throws. Concurrent calls share one forward. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    if (!this.pending) return;
    this.running = this.forwardAll().finally(() => {
      this.running = null;
    });
    await this.running;
  }

  private async forwardAll(): Promise<void> {
    try {
      for (;;) {
        const rows = this.sql
          .exec<{ seq: number; event: string }>("SELECT seq, event FROM job_outbox ORDER BY seq LIMIT 50")
          .toArray();
        const last = rows.at(-1);
        if (!last) break;
        await this.forward(rows.map((row) => JSON.parse(row.event) as ProjectEventInput));
        this.sql.exec("DELETE FROM job_outbox WHERE seq <= ?", last.seq);
      }
      this.failed = false;
    } catch (error) {
      this.failed = true;
      this.logger.error("job_events_forward_failed", { error: error instanceof Error ? error.message : String(error) });
    }
  }
}
