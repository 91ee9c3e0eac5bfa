import type { z } from "zod";

/**
 * What went wrong, in the domain's words. Domain code (storage, uploads, jobs, pagination) throws these and
 * knows nothing about HTTP; handleError in errors.ts maps each code to a status through one table.
 */
export const DOMAIN_ERROR_CODES = [
  /** The input is well-formed but not acceptable; `details` name the fields. */
  "INVALID_INPUT",
  /** The input could not be read at all (a broken multipart body, a bad id segment). */
  "MALFORMED_INPUT",
  "NOT_FOUND",
  /** The resource's current state does not allow this (a finished job, an upload at another offset). */
  "CONFLICT",
  /** The resource existed and is gone for good. */
  "GONE",
  "TOO_LARGE",
  "UNSUPPORTED_TYPE",
  "CHECKSUM_MISMATCH",
  /** Too much work is waiting; try again after `retryAfterSeconds`. */
  "QUEUE_FULL",
  /** A dependency (R2, a Durable Object) failed; try again after `retryAfterSeconds`. */
  "UNAVAILABLE",
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** One field-level problem, with the field's path as the client sent it (e.g. `payload.asset_id`). */
export interface FieldError {
  path: string;
  message: string;
  code: string;
}

export interface DomainErrorOptions {
  details?: FieldError[];
  retryAfterSeconds?: number;
  cause?: unknown;
}

/** The base of every error the domain throws for the caller to see. */
export class DomainError extends Error {
  override name = "DomainError";
  readonly details?: FieldError[];
  readonly retryAfterSeconds?: number;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    options: DomainErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** Zod issues as field errors; `prefix` is where the parsed value sits in the request (e.g. ["payload"]). */
export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[], prefix: string[] = []): FieldError[] {
  const fieldPath = (path: readonly PropertyKey[]) => [...prefix, ...path.map(String)].join(".") || "(root)";
  return issues.flatMap((issue): FieldError[] =>
    // Zod reports unknown fields on their object; name each field, so the path says which one to remove.
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({
          path: fieldPath([...issue.path, key]),
          message: `Unrecognized key: "${key}"`,
          code: issue.code,
        }))
      : [{ path: fieldPath(issue.path), message: issue.message, code: issue.code }],
  );
}
