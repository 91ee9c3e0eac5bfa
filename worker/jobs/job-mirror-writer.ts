import type { Database } from "../db/client";
import type { Logger } from "../logger";
import type { Job } from "./job";
import { mirrorJob } from "./job-mirror";

/**
 * Keeps a job's D1 row following its Durable Object. Writes never overlap and always send the latest state,
 * so an older state cannot overwrite a newer one; a failed write stays pending until the next flush.
 */
export class JobMirrorWriter {
  private dirty = false;
  private running: Promise<void> | null = null;
  /** The last write failed; the owner retries soon (its alarm). */
  failed = false;
  lastWriteAt = 0;

  constructor(
    private readonly db: Database,
    private readonly latest: () => Job | null,
    private readonly logger: Logger,
  ) {}

  markDirty(): void {
    this.dirty = true;
  }

  get pending(): boolean {
    return this.dirty;
  }

  async flush(): Promise<void> {
    while (this.running) await this.running;
    if (!this.dirty) return;
    this.running = this.writeLoop().finally(() => {
      this.running = null;
    });
    await this.running;
  }

  private async writeLoop(): Promise<void> {
    try {
      while (this.dirty) {
        this.dirty = false;
        const job = this.latest();
        if (!job) return;
        this.lastWriteAt = Date.now();
        await mirrorJob(this.db, job);
      }
      this.failed = false;
    } catch (error) {
      this.dirty = true;
      this.failed = true;
      this.logger.error("job_mirror_failed", { error: error instanceof Error ? error.message : String(error) });
    }
  }
}
