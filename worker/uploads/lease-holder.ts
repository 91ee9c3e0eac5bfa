import type { AppendEnd, AppendLease } from "./append-protocol";
import type { UploadObject } from "./upload-object";
import { UploadError, type UploadOutcome, type UploadView } from "./upload-outcome";
import type { StoredPart } from "./upload-store";

/** The object refused a call because this request no longer holds the lease. */
export class LeaseLostError extends Error {
  override name = "LeaseLostError";
}

/** Part numbers asked for at a time when the PATCH's length is not known. */
const RESERVE_BATCH = 8;
/** Stored parts are committed in calls of this many (80 MiB of 5 MiB parts) and at the end, not one call per part. */
const COMMIT_EVERY_PARTS = 16;

/**
 * The PATCH's side of the lease: its calls to the upload's object, one at a time and in order. A PATCH of
 * known length got all its part numbers with the lease; one of unknown length asks for a batch while the
 * last number of the previous one is in use, so the stream never waits for the object. Stored parts are
 * committed COMMIT_EVERY_PARTS at a time, with any other call, and at the end (an interrupted PATCH keeps
 * them), not with a round trip per part; while bytes arrive the lease is renewed every third of its span.
 */
export class LeaseHolder {
  private calls: Promise<unknown> = Promise.resolve();
  /** Stored parts the object has not recorded yet. */
  private readonly unreported: StoredPart[] = [];
  private last?: StoredPart;
  private lastCall = Date.now();
  /** Numbers granted and not used yet: nextNumber .. endNumber - 1. */
  private nextNumber: number;
  private endNumber: number;
  private refill?: Promise<void>;
  /** A renewal found the lease gone: no more parts are uploaded. */
  private lost = false;

  constructor(
    private readonly upload: DurableObjectStub<UploadObject>,
    private readonly lease: AppendLease,
    private readonly leaseMs: number,
    /** How many part numbers this PATCH will use (Infinity when its length is unknown). */
    private partsLeft: number,
    /** Whether stored parts are committed as they come; with an Upload-Checksum they wait for the end. */
    private readonly incremental: boolean,
  ) {
    this.nextNumber = lease.partNumber;
    this.endNumber = lease.partNumber + lease.partCount;
  }

  /** The number of the part about to be uploaded. */
  async partNumber(): Promise<number> {
    if (this.lost) throw new LeaseLostError();
    if (this.nextNumber === this.endNumber) await this.reserve();
    const number = this.nextNumber++;
    this.partsLeft -= 1;
    if (this.nextNumber === this.endNumber && this.partsLeft > 0) this.reserve().catch(() => undefined);
    return number;
  }

  /** Records a part R2 has stored; it is committed with the next call to the object. */
  stored(part: StoredPart): void {
    this.unreported.push(part);
    this.last = part;
    if (this.incremental && this.unreported.length >= COMMIT_EVERY_PARTS) this.report(0).catch(() => undefined);
  }

  /** Renews the lease while bytes keep arriving but no part is cut (a slow client). */
  keepAlive(): void {
    if (Date.now() - this.lastCall > this.leaseMs / 3) this.report(0).catch(() => undefined);
  }

  /**
   * Commits everything stored plus the new tail; completes the upload when that reaches its length, with
   * `sha256` as the file's when this PATCH's isolate hashed all of it.
   */
  commit(tail: Uint8Array, sha256: Uint8Array | null = null): Promise<UploadOutcome<UploadView>> {
    return this.end({ kind: "commit", parts: this.unreported.slice(), tail, sha256 });
  }

  /** Keeps the parts stored in this PATCH (not the bytes after them), or nothing if none was. */
  keepParts(): Promise<UploadOutcome<UploadView>> {
    if (!this.last) return this.release();
    return this.commit(new Uint8Array(0));
  }

  release(): Promise<UploadOutcome<UploadView>> {
    return this.end({ kind: "release" });
  }

  private async end(end: AppendEnd): Promise<UploadOutcome<UploadView>> {
    await this.calls;
    return this.upload.endAppend(this.lease.token, end);
  }

  /** The next batch of part numbers; callers wait for the one already asked for. */
  private reserve(): Promise<void> {
    this.refill ??= this.report(RESERVE_BATCH)
      .then((first) => {
        this.nextNumber = first;
        this.endNumber = first + RESERVE_BATCH;
      })
      .finally(() => {
        this.refill = undefined;
      });
    return this.refill;
  }

  /**
   * One call to the object, after the previous ones, reserving `count` part numbers (none when 0); parts
   * stay unreported until a call succeeds.
   */
  private report(count: number): Promise<number> {
    const result = this.calls.then(async () => {
      const parts = this.incremental ? this.unreported.slice() : [];
      const outcome = await this.upload.reportProgress(this.lease.token, { parts, reservePart: count > 0, count });
      if (!outcome.ok) {
        if (outcome.kind === "lease_lost") this.lost = true;
        throw outcome.kind === "lease_lost" ? new LeaseLostError() : new UploadError(outcome.kind, outcome.message);
      }
      this.unreported.splice(0, parts.length);
      if (count > 0 && outcome.value === null) {
        this.lost = true;
        throw new LeaseLostError();
      }
      return outcome.value ?? 0;
    });
    this.calls = result.catch(() => undefined);
    this.lastCall = Date.now();
    return result;
  }
}
