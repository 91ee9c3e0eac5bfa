import { DomainError, type DomainErrorCode } from "../domain-error";

/**
 * Why an upload operation was refused. The Durable Object returns these as values (custom error classes
 * do not survive RPC); uploadResult turns them back into a thrown UploadError on the caller's side.
 */
export type UploadFailureKind =
  | "not_found"
  | "gone"
  | "already_used"
  | "offset_mismatch"
  | "lease_lost"
  | "already_completed"
  | "interrupted"
  | "too_large"
  | "checksum_mismatch"
  | "unsupported_type"
  | "storage_failed";

export type UploadOutcome<T> = { ok: true; value: T } | { ok: false; kind: UploadFailureKind; message: string };

export const succeed = <T>(value: T): UploadOutcome<T> => ({ ok: true, value });

export const fail = <T = never>(kind: UploadFailureKind, message: string): UploadOutcome<T> => ({
  ok: false,
  kind,
  message,
});

/** The PATCH stalled past its lease and the upload may have moved on: its bytes are not kept. */
export const leaseLost = <T = never>(): UploadOutcome<T> =>
  fail("lease_lost", "The upload was left to another request while this one stalled; HEAD the upload and resume");

const FAILURE_CODES: Record<UploadFailureKind, DomainErrorCode> = {
  not_found: "NOT_FOUND",
  gone: "GONE",
  already_used: "GONE",
  offset_mismatch: "CONFLICT",
  lease_lost: "CONFLICT",
  already_completed: "CONFLICT",
  interrupted: "MALFORMED_INPUT",
  too_large: "TOO_LARGE",
  checksum_mismatch: "CHECKSUM_MISMATCH",
  unsupported_type: "UNSUPPORTED_TYPE",
  storage_failed: "UNAVAILABLE",
};

// R2 failures are usually brief; the client's tus library retries after this.
const STORAGE_RETRY_AFTER_SECONDS = 1;

export class UploadError extends DomainError {
  override name = "UploadError";
  constructor(
    readonly kind: UploadFailureKind,
    message: string,
  ) {
    super(FAILURE_CODES[kind], message, {
      retryAfterSeconds: kind === "storage_failed" ? STORAGE_RETRY_AFTER_SECONDS : undefined,
    });
  }
}

/** The value of a successful upload operation; a failure is thrown as an UploadError. */
export function uploadResult<T>(outcome: UploadOutcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw new UploadError(outcome.kind, outcome.message);
}

export type UploadStatus = "uploading" | "assembled" | "completed" | "rejected" | "terminated" | "expired";

/** What callers may see of an upload: plain data, safe to return over RPC. */
export interface UploadView {
  uploadId: string;
  projectId: string;
  status: UploadStatus;
  offset: number;
  length: number;
  /** The client's Upload-Metadata header, echoed back on HEAD. */
  metadata: string | null;
  createdAt: string;
  expiresAt: string;
  /** Set once the upload became an asset. */
  assetId: string | null;
}
