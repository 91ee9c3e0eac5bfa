/**
 * Serialises async work inside one Durable Object. Storage calls are gated by the runtime, but awaits
 * on R2 or on a request body are not, so two PATCHes could otherwise interleave their bytes.
 */
export class AsyncLock {
  private last: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.last.then(work);
    this.last = result.catch(() => undefined);
    return result;
  }
}
