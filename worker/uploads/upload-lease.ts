/** How long a PATCH may go without showing progress before another request may take the upload over. */
export const UPLOAD_LEASE_MS = 30_000;

export interface LeaseGrant {
  token: string;
  expiresAt: number;
  /** The holder's part numbers: partNumber .. partNumber + partCount - 1. */
  partNumber: number;
  partCount: number;
}

type Row = Record<string, SqlStorageValue>;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS lease (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  token TEXT, expires_at INTEGER NOT NULL, duration_ms INTEGER NOT NULL,
  next_part INTEGER NOT NULL, reusable_from INTEGER NOT NULL
);
`;

interface LeaseRow {
  /** Null once the holder released it; an expired lease keeps its token until another is granted. */
  token: string | null;
  expiresAt: number;
  durationMs: number;
  /** No writer has been given this part number or a higher one. */
  nextPart: number;
  /** Numbers below this may still be in use by the writer of a lease that expired. */
  reusableFrom: number;
}

/**
 * The lease that lets one PATCH (in whichever Worker received it) write the upload's bytes to R2, and the
 * R2 part numbers handed out under it. The holder gets part numbers one at a time from here and commits
 * what it stored with its token; renewing it is any call the holder makes. A lease that expired without
 * being released may still have a writer uploading somewhere, so the numbers it was given are never handed
 * out again and its commits are refused: whatever it writes late lands in parts no commit refers to, and
 * R2 drops those when the upload completes (completion lists the committed parts; gaps in the numbering
 * are allowed). A holder that releases its lease has nothing in flight, so its unused numbers are reused.
 * Kept in SQLite with the upload, so a restarted object still honours or refuses the same tokens.
 */
export class UploadLeases {
  private readonly waiters = new Set<() => void>();

  constructor(private readonly storage: DurableObjectStorage) {
    storage.sql.exec(SCHEMA);
  }

  private row(): LeaseRow | null {
    const row = this.storage.sql.exec<Row>("SELECT * FROM lease WHERE singleton = 1").toArray()[0];
    if (!row) return null;
    return {
      token: row.token === null ? null : String(row.token),
      expiresAt: Number(row.expires_at),
      durationMs: Number(row.duration_ms),
      nextPart: Number(row.next_part),
      reusableFrom: Number(row.reusable_from),
    };
  }

  private write(row: LeaseRow): void {
    this.storage.sql.exec(
      `INSERT OR REPLACE INTO lease (singleton, token, expires_at, duration_ms, next_part, reusable_from)
       VALUES (1, ?, ?, ?, ?, ?)`,
      row.token,
      row.expiresAt,
      row.durationMs,
      row.nextPart,
      row.reusableFrom,
    );
  }

  /** When the lease someone holds runs out, or null when nobody holds one. */
  heldUntil(now = Date.now()): number | null {
    const row = this.row();
    return row?.token && row.expiresAt > now ? row.expiresAt : null;
  }

  /** Resolves once nobody holds the lease: its holder released it, or it expired. */
  async untilFree(): Promise<void> {
    for (let until = this.heldUntil(); until !== null; until = this.heldUntil()) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        // A renewal moves the expiry on; the loop then waits again.
        const timer = setTimeout(wake, until - Date.now() + 1);
        this.waiters.add(wake);
      });
    }
  }

  /**
   * A new lease; the caller has checked that nobody holds one. `firstFreePart` follows the committed parts.
   * Taking over an expired lease retires every number handed out so far.
   */
  grant(durationMs: number, firstFreePart: number, partCount: number): LeaseGrant {
    const previous = this.row();
    const retired = previous?.token ? previous.nextPart : (previous?.reusableFrom ?? 1);
    const partNumber = Math.max(firstFreePart, retired);
    const grant = { token: crypto.randomUUID(), expiresAt: Date.now() + durationMs, partNumber, partCount };
    this.write({
      token: grant.token,
      expiresAt: grant.expiresAt,
      durationMs,
      nextPart: partNumber + partCount,
      reusableFrom: retired,
    });
    return grant;
  }

  /** Whether `token` is the lease and it has not expired; if so it is renewed. */
  renew(token: string): boolean {
    const row = this.row();
    if (!row || row.token !== token || row.expiresAt <= Date.now()) return false;
    this.write({ ...row, expiresAt: Date.now() + row.durationMs });
    return true;
  }

  /**
   * The first of `count` further part numbers for the holder of `token` (renewing its lease), or null if
   * it no longer holds it.
   */
  reservePart(token: string, count = 1): number | null {
    if (!this.renew(token)) return null;
    const row = this.row()!;
    this.write({ ...row, nextPart: row.nextPart + count });
    return row.nextPart;
  }

  /** The holder is done and has nothing in flight: the lease is free, and numbers it did not commit are reused. */
  release(token: string): void {
    const row = this.row();
    if (!row || row.token !== token) return;
    this.write({ ...row, token: null });
    this.wakeAll();
  }

  /** Forgets the lease with the upload's bytes (terminated, expired, completed). */
  clear(): void {
    this.storage.sql.exec("DELETE FROM lease");
    this.wakeAll();
  }

  /** After the object's storage was wiped: the table again, empty. */
  recreate(): void {
    this.storage.sql.exec(SCHEMA);
  }

  private wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }
}
