/** Why a storage operation was refused; routes map each kind to an HTTP status. */
export type StorageErrorKind =
  | "invalid_project"
  | "not_multipart"
  | "malformed_multipart"
  | "missing_file"
  | "empty_file"
  | "too_large"
  | "unsupported_type"
  | "invalid_cursor";

export class StorageError extends Error {
  override name = "StorageError";
  constructor(
    readonly kind: StorageErrorKind,
    message: string,
    /** The request field the error is about, for field-level error details. */
    readonly field?: string,
  ) {
    super(message);
  }
}
