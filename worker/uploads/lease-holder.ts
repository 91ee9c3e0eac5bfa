import type { AppendEnd, AppendLease } from "./append-protocol";
import type { CutPart } from "./part-stream";
import type { UploadObject } from "./upload-object";
import { UploadError, type UploadOutcome, type UploadView } from "./upload-outcome";

/** The object refused a call because this request no longer holds the lease. */
export class LeaseLostError extends Error {
  override name = "LeaseLostError";
}

/**
 * The PATCH's side of the lease: its calls to the upload's object, one at a time and in order. The number
 * for the next part is asked for while the current part uploads, and that call also commits the parts
 * stored so far, so the stream never waits for the object and an interrupted PATCH keeps its parts.
 */
export class LeaseHolder {
  private calls: Promise<unknown> = Promise.resolve();
  /** Stored parts the object has not recorded yet. */
  private readonly unreported: CutPart[] = [];
  private last?: CutPart;
  private lastCall = Date.now();
  private next?: Promise<number>;

  constructor(
    private readonly upload: DurableObjectStub<UploadObject>,
    private readonly lease: AppendLease,
    private readonly leaseMs: number,
    /** How many part numbers this PATCH will use (Infinity when its length is unknown). */
    private partsLeft: number,
    /** Whether stored parts are committed as they come; with an Upload-Checksum they wait for the end. */
    private readonly incremental: boolean,
  ) {
    this.next = Promise.resolve(lease.partNumber);
  }

  /** The number of the part about to be uploaded. */
  async partNumber(): Promise<number> {
    const number = await (this.next ?? this.report(true));
    this.partsLeft -= 1;
    this.next = this.partsLeft > 0 ? this.report(true) : undefined;
    if (this.next) this.next.catch(() => undefined);
    return number;
  }

  /** Records a part R2 has stored; it is committed with the next call to the object. */
  stored(cut: CutPart): void {
    this.unreported.push(cut);
    this.last = cut;
  }

  /** Renews the lease while bytes keep arriving but no part is cut (a slow client). */
  keepAlive(): void {
    if (Date.now() - this.lastCall > this.leaseMs / 3) this.report(false).catch(() => undefined);
  }

  /** Commits everything stored plus the new tail; completes the upload when that reaches its length. */
  commit(tail: Uint8Array, hashState: Uint8Array | null): Promise<UploadOutcome<UploadView>> {
    return this.end({ kind: "commit", parts: this.unreported.map(({ part }) => part), tail, hashState });
  }

  /** Keeps the parts stored in this PATCH (not the bytes after them), or nothing if none was. */
  keepParts(): Promise<UploadOutcome<UploadView>> {
    if (!this.last) return this.release();
    return this.commit(new Uint8Array(0), this.last.hashState);
  }

  release(): Promise<UploadOutcome<UploadView>> {
    return this.end({ kind: "release" });
  }

  private async end(end: AppendEnd): Promise<UploadOutcome<UploadView>> {
    await this.calls;
    return this.upload.endAppend(this.lease.token, end);
  }

  /** One call to the object, after the previous ones; parts stay unreported until a call succeeds. */
  private report(reservePart: boolean): Promise<number> {
    const result = this.calls.then(async () => {
      const cuts = this.incremental ? this.unreported.slice() : [];
      const parts = cuts.map(({ part }) => part);
      const outcome = await this.upload.reportProgress(this.lease.token, {
        parts,
        hashState: cuts.at(-1)?.hashState ?? null,
        reservePart,
      });
      if (!outcome.ok) {
        throw outcome.kind === "lease_lost" ? new LeaseLostError() : new UploadError(outcome.kind, outcome.message);
      }
      this.unreported.splice(0, cuts.length);
      if (reservePart && outcome.value === null) throw new LeaseLostError();
      return outcome.value ?? 0;
    });
    this.calls = result.catch(() => undefined);
    this.lastCall = Date.now();
    return result;
  }
}
