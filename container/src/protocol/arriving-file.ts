/**
 * A workspace file that is still being written from the request body. Readers ask for a byte count and wait
 * until that much is on disk, so an op can start on the first megabytes of a video while the rest arrives.
 */
export class ArrivingFile {
  private onDisk = 0;
  private failure: { error: unknown } | undefined;
  private waiters: { bytes: number; resolve: () => void; reject: (error: unknown) => void }[] = [];

  constructor(
    readonly path: string,
    /** The size the request header declared; the file is complete when this many bytes are on disk. */
    readonly size: number,
  ) {}

  get received(): number {
    return this.onDisk;
  }

  get complete(): boolean {
    return this.onDisk >= this.size;
  }

  /** Resolves once the first `bytes` bytes (capped at the declared size) are on disk; rejects if the upload fails. */
  waitFor(bytes: number): Promise<void> {
    const wanted = Math.min(bytes, this.size);
    if (this.onDisk >= wanted) return Promise.resolve();
    if (this.failure) return Promise.reject(this.failure.error);
    return new Promise((resolve, reject) => this.waiters.push({ bytes: wanted, resolve, reject }));
  }

  /** Called by the writer once a chunk has reached the file (not merely been queued for it). */
  advance(bytes: number): void {
    this.onDisk += bytes;
    const ready = this.waiters.filter((waiter) => waiter.bytes <= this.onDisk);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => waiter.bytes > this.onDisk);
    for (const waiter of ready) waiter.resolve();
  }

  /** The rest will never come (bad framing, client gone, op finished): every waiter and later reader fails. */
  fail(error: unknown): void {
    if (this.complete || this.failure) return;
    this.failure = { error };
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.reject(error);
  }
}
