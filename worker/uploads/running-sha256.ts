import { createHash, type Hash } from "node:crypto";
import { BoundedCache } from "../bounded-cache";

/** The SHA-256 of an upload's first `offset` bytes, still open for the bytes after them. */
export class RunningSha256 {
  private constructor(
    private readonly hash: Hash,
    private hashed: number,
  ) {}

  static start(): RunningSha256 {
    return new RunningSha256(createHash("sha256"), 0);
  }

  /** How many of the upload's bytes it covers. */
  get offset(): number {
    return this.hashed;
  }

  update(bytes: Uint8Array): void {
    this.hash.update(bytes);
    this.hashed += bytes.length;
  }

  /** An independent copy at the same offset. */
  copy(): RunningSha256 {
    return new RunningSha256(this.hash.copy(), this.hashed);
  }

  /** The digest of the bytes so far; the hash cannot be used after it. */
  digest(): Uint8Array {
    return new Uint8Array(this.hash.digest());
  }
}

/**
 * Every upload's running SHA-256, kept in the memory of the isolate that served its last PATCH, so its next
 * PATCH there goes on hashing where that one stopped. The runtime's SHA-256 (node:crypto) cannot save its
 * state anywhere else, and one that can (WebAssembly) cost five times the CPU. An upload whose PATCH lands in
 * another isolate, or after this one dropped its entry, goes on without a hash and is hashed by reading it
 * back once at completion. The bytes before an upload's offset never change once committed, so a hash whose
 * offset equals the upload's is the right one.
 */
export class RunningHashes {
  private readonly running: BoundedCache<string, RunningSha256>;

  constructor(capacity = 1024) {
    this.running = new BoundedCache(capacity);
  }

  /**
   * The hash of `upload`'s first `offset` bytes, taken out so that one PATCH at a time uses it: a new one at
   * offset 0, none when this isolate does not hold one at that offset.
   */
  take(upload: string, offset: number): RunningSha256 | undefined {
    const held = this.running.get(upload);
    this.running.delete(upload);
    if (offset === 0) return RunningSha256.start();
    return held?.offset === offset ? held : undefined;
  }

  /**
   * Keeps `hash` for the upload's next PATCH in this isolate, unless the one held reaches further: offsets only
   * grow, so a late PATCH's hash from before it must not replace the one a later PATCH left.
   */
  keep(upload: string, hash: RunningSha256): void {
    const held = this.running.get(upload);
    if (held && held.offset > hash.offset) return;
    this.running.set(upload, hash);
  }
}

/** This isolate's running hashes. */
export const isolateHashes = new RunningHashes();
