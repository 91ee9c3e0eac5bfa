/** A run slot held by one job. `attempt` is null until the job object has answered the grant. */
export interface Slot {
  job_id: string;
  project_id: string;
  attempt: number | null;
  /** The media service instance the run is to use: the one with the fewest runs when it was granted. */
  instance: number;
  granted_at: number;
  checked_at: number;
}

export interface EnqueueRequest {
  jobId: string;
  projectId: string;
  /** The attempts the job had made when it asked. */
  attempts: number;
  /** The media instance its last attempt found dead: its grant names another one if there is another. */
  avoidInstance?: number;
}

export interface SlotCounts {
  running: number;
  ready: number;
  /** The most slots ever held at once (never above the limit). */
  peak: number;
}

export interface SchedulerSnapshot extends SlotCounts {
  limit: number;
  /** Job ids holding a slot, oldest grant first. */
  holders: string[];
}

/**
 * The scheduler's SQLite: per-project FIFOs of jobs ready to run, the slots held, and each project's last turn.
 * A job is in at most one of `ready` and `slots`. Every method is synchronous, so a grant can never be taken twice.
 */
export class SlotBook {
  private turn: number;

  constructor(private readonly sql: SqlStorage) {
    sql.exec(`CREATE TABLE IF NOT EXISTS ready (seq INTEGER PRIMARY KEY AUTOINCREMENT, job_id TEXT NOT NULL UNIQUE,
      project_id TEXT NOT NULL, enqueued_at INTEGER NOT NULL, avoid_instance INTEGER)`);
    sql.exec("CREATE INDEX IF NOT EXISTS ready_project ON ready (project_id, seq)");
    sql.exec(`CREATE TABLE IF NOT EXISTS slots (job_id TEXT PRIMARY KEY, project_id TEXT NOT NULL, attempt INTEGER,
      granted_at INTEGER NOT NULL, checked_at INTEGER NOT NULL, instance INTEGER NOT NULL DEFAULT 0)`);
    // Books written before slots named an instance, or before a retry could avoid one.
    addColumn(sql, "slots", "instance", "INTEGER NOT NULL DEFAULT 0");
    addColumn(sql, "ready", "avoid_instance", "INTEGER");
    // waiting: the project's ready jobs; last_turn: the grant counter when it last got a slot (0: never).
    sql.exec(`CREATE TABLE IF NOT EXISTS turns (project_id TEXT PRIMARY KEY, waiting INTEGER NOT NULL,
      last_turn INTEGER NOT NULL)`);
    sql.exec("CREATE INDEX IF NOT EXISTS turns_next ON turns (last_turn) WHERE waiting > 0");
    sql.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)");
    this.turn = this.meta("turn");
  }

  /**
   * Puts the job at the end of its project's FIFO, unless it is already there or holds a slot for an attempt that
   * began after the job asked (`attempts`: the attempts the job had made when it asked). A slot of an attempt that
   * has ended is given back first: the job asks again only when it runs nothing. `avoidInstance`: the media
   * instance its last attempt found dead.
   */
  enqueue(jobId: string, projectId: string, attempts: number, now: number, avoidInstance?: number): boolean {
    const slot = this.slot(jobId);
    if (slot && (slot.attempt === null || slot.attempt > attempts)) return false;
    if (slot) this.sql.exec("DELETE FROM slots WHERE job_id = ?", jobId);
    const waiting = this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM ready WHERE job_id = ?", jobId).one().n;
    if (waiting > 0) return false;
    this.sql.exec(
      "INSERT INTO ready (job_id, project_id, enqueued_at, avoid_instance) VALUES (?, ?, ?, ?)",
      jobId,
      projectId,
      now,
      avoidInstance ?? null,
    );
    this.sql.exec(
      `INSERT INTO turns (project_id, waiting, last_turn) VALUES (?, 1, 0)
       ON CONFLICT (project_id) DO UPDATE SET waiting = waiting + 1`,
      projectId,
    );
    return true;
  }

  /**
   * Grants a slot if fewer than `limit` are held: to the oldest ready job of the project whose last turn is the
   * longest ago, so projects take turns whatever their backlog. The slot names the least busy of `instances`
   * media service instances (fewest slots held; the lowest number on a tie), so none idles while another queues,
   * leaving out the one the job's last attempt found dead unless it is the only one (it may have restarted).
   */
  take(limit: number, now: number, instances = 1): Slot | null {
    if (this.count("slots") >= limit) return null;
    const next = this.sql
      .exec<{ project_id: string }>("SELECT project_id FROM turns WHERE waiting > 0 ORDER BY last_turn LIMIT 1")
      .toArray()[0];
    if (!next) return null;
    const job = this.sql
      .exec<{ job_id: string; avoid_instance: number | null }>(
        "SELECT job_id, avoid_instance FROM ready WHERE project_id = ? ORDER BY seq LIMIT 1",
        next.project_id,
      )
      .one();
    this.turn += 1;
    this.setMeta("turn", this.turn);
    this.sql.exec("DELETE FROM ready WHERE job_id = ?", job.job_id);
    this.sql.exec(
      "UPDATE turns SET waiting = waiting - 1, last_turn = ? WHERE project_id = ?",
      this.turn,
      next.project_id,
    );
    const slot: Slot = {
      job_id: job.job_id,
      project_id: next.project_id,
      attempt: null,
      instance: this.leastBusy(instances, job.avoid_instance),
      granted_at: now,
      checked_at: now,
    };
    this.sql.exec(
      "INSERT INTO slots (job_id, project_id, attempt, instance, granted_at, checked_at) VALUES (?, ?, NULL, ?, ?, ?)",
      slot.job_id,
      slot.project_id,
      slot.instance,
      now,
      now,
    );
    const held = this.count("slots");
    if (held > this.meta("peak")) this.setMeta("peak", held);
    return slot;
  }

  /** The job object started (or was already running) `attempt` under the slot. */
  started(jobId: string, attempt: number): void {
    this.sql.exec("UPDATE slots SET attempt = ? WHERE job_id = ?", attempt, jobId);
  }

  /** Frees the job's slot: the attempt ended (null: the grant started nothing). */
  release(jobId: string, attempt: number | null): boolean {
    return (
      this.sql.exec(
        "DELETE FROM slots WHERE job_id = ? AND (attempt IS NULL OR attempt = ? OR ? IS NULL)",
        jobId,
        attempt,
        attempt,
      ).rowsWritten > 0
    );
  }

  /** Slots not confirmed since `before`. */
  unchecked(before: number): Slot[] {
    return this.sql
      .exec<Slot & Record<string, SqlStorageValue>>("SELECT * FROM slots WHERE checked_at < ?", before)
      .toArray();
  }

  checked(jobId: string, now: number): void {
    this.sql.exec("UPDATE slots SET checked_at = ? WHERE job_id = ?", now, jobId);
  }

  slot(jobId: string): Slot | null {
    return (
      this.sql
        .exec<Slot & Record<string, SqlStorageValue>>("SELECT * FROM slots WHERE job_id = ?", jobId)
        .toArray()[0] ?? null
    );
  }

  counts(): SlotCounts {
    return { running: this.count("slots"), ready: this.count("ready"), peak: this.meta("peak") };
  }

  heldBy(): string[] {
    return this.sql
      .exec<{ job_id: string }>("SELECT job_id FROM slots ORDER BY granted_at")
      .toArray()
      .map((r) => r.job_id);
  }

  /** Runs held per instance, for each of `instances`. */
  load(instances: number): number[] {
    const held = Array.from({ length: instances }, () => 0);
    const rows = this.sql.exec<{ instance: number; n: number }>(
      "SELECT instance, COUNT(*) AS n FROM slots GROUP BY instance",
    );
    for (const { instance, n } of rows) if (instance < instances) held[instance] = n;
    return held;
  }

  private leastBusy(instances: number, avoid: number | null): number {
    const held = this.load(Math.max(1, instances));
    const candidates = held.length > 1 && avoid !== null && avoid < held.length ? held.with(avoid, Infinity) : held;
    return candidates.indexOf(Math.min(...candidates));
  }

  private count(table: "slots" | "ready"): number {
    return this.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`).one().n;
  }

  private meta(key: string): number {
    return this.sql.exec<{ value: number }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0]?.value ?? 0;
  }

  private setMeta(key: string, value: number): void {
    this.sql.exec(
      "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      key,
      value,
    );
  }
}

function addColumn(sql: SqlStorage, table: string, column: string, type: string): void {
  const columns = sql.exec<{ name: string }>(`PRAGMA table_info(${table})`).toArray();
  if (!columns.some((c) => c.name === column)) sql.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
}
