/**
 * Why an upload operation was refused. The Durable Object returns these as values (custom error classes
 * do not survive RPC); the tus routes map each kind to its status code.
 */
export type UploadFailureKind =
  | "not_found"
  | "gone"
  | "already_used"
  | "offset_mismatch"
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
