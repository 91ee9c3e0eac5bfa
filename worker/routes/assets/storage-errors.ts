import { ApiError } from "../../errors";
import { StorageError } from "../../storage/errors";

/** Turns the storage layer's domain errors into the API's one error class; anything else passes through. */
export function toApiError(error: unknown): unknown {
  if (!(error instanceof StorageError)) return error;
  const field = (code: string) => [{ path: error.field ?? "(root)", message: error.message, code }];
  switch (error.kind) {
    case "invalid_project":
    case "malformed_multipart":
      return new ApiError("BAD_REQUEST", error.message);
    case "not_multipart":
    case "unsupported_type":
      return new ApiError("UNSUPPORTED_MEDIA_TYPE", error.message);
    case "too_large":
      return new ApiError("PAYLOAD_TOO_LARGE", error.message);
    case "missing_file":
      return new ApiError("VALIDATION_ERROR", error.message, { details: field("required") });
    case "empty_file":
      return new ApiError("VALIDATION_ERROR", error.message, { details: field("empty_file") });
    case "invalid_cursor":
      return new ApiError("VALIDATION_ERROR", error.message, {
        details: [{ path: "query.cursor", message: error.message, code: "invalid_cursor" }],
      });
  }
}

/** `await work().catch(rethrowAsApiError)` */
export function rethrowAsApiError(error: unknown): never {
  throw toApiError(error);
}
