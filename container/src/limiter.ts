/** Raised when no slot frees up within the wait budget; the app answers 503 with Retry-After. */
export class BusyError extends Error {
  override name = "BusyError";
  constructor(readonly retryAfterSeconds: number) {
    super("The media service is at its concurrency limit");
  }
}

/**
 * A counting semaphore for work requests. Over the bound a request waits up to `waitMs` (FIFO);
 * after that it is turned away instead of queueing unboundedly, because the caller (a job) can retry.
 */
export class ConcurrencyLimiter {
  private running = 0;
  private readonly waiters: { grant: () => void }[] = [];
  private readonly idleWaiters: (() => void)[] = [];

  constructor(
    readonly max: number,
    private readonly waitMs: number,
  ) {}

  get active(): number {
    return this.running;
  }

  get waiting(): number {
    return this.waiters.length;
  }

  /**
   * Resolves once no request holds or waits for a slot. A slot is released only after its op's cleanup (ffmpeg
   * stopped, workspace removed), so this is when shutting down leaves nothing behind.
   */
  idle(): Promise<void> {
    if (this.running === 0 && this.waiters.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Resolves with a release function (idempotent); rejects with BusyError after the wait budget or on abort. */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (this.running < this.max) {
      this.running++;
      return this.releaser();
    }
    if (this.waitMs <= 0) throw new BusyError(1);
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          cleanup();
          this.running++;
          resolve(this.releaser());
        },
      };
      const giveUp = (error: unknown) => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        cleanup();
        reject(error);
      };
      const timer = setTimeout(() => giveUp(new BusyError(Math.max(1, Math.ceil(this.waitMs / 1000)))), this.waitMs);
      const onAbort = () => giveUp(signal?.reason ?? new Error("aborted"));
      const cleanup = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      this.waiters.shift()?.grant();
      if (this.running === 0 && this.waiters.length === 0) {
        for (const resolve of this.idleWaiters.splice(0)) resolve();
      }
    };
  }
}
