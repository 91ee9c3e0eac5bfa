import { DomainError, type DomainErrorCode } from "../domain-error";

/** Why a storage operation was refused. */
export type StorageErrorKind =
  | "invalid_project"
  | "not_multipart"
  | "malformed_multipart"
  | "missing_file"
  | "empty_file"
  | "too_large"
  | "unsupported_type";

// A kind whose entry has a field code reports it as a field error on the request field the error is about.
const KINDS: Record<StorageErrorKind, { code: DomainErrorCode; fieldCode?: string }> = {
  invalid_project: { code: "MALFORMED_INPUT" },
  malformed_multipart: { code: "MALFORMED_INPUT" },
  not_multipart: { code: "UNSUPPORTED_TYPE" },
  unsupported_type: { code: "UNSUPPORTED_TYPE" },
  too_large: { code: "TOO_LARGE" },
  missing_file: { code: "INVALID_INPUT", fieldCode: "required" },
  empty_file: { code: "INVALID_INPUT", fieldCode: "empty_file" },
};

export class StorageError extends DomainError {
  override name = "StorageError";
  constructor(
    readonly kind: StorageErrorKind,
    message: string,
    /** The request field the error is about. */
    readonly field?: string,
  ) {
    const { code, fieldCode } = KINDS[kind];
    super(code, message, {
      details: fieldCode ? [{ path: field ?? "(root)", message, code: fieldCode }] : undefined,
    });
  }
}
