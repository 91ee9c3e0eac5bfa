import { type Hook, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./app-env";
import { DomainError, type DomainErrorCode, type FieldError, fieldErrorsFromIssues } from "./domain-error";
import { ConfigError } from "./env";

/** The closed set of error codes a client can branch on. */
export const ErrorCode = z.enum([
  "BAD_REQUEST",
  "MALFORMED_JSON",
  "VALIDATION_ERROR",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "METHOD_NOT_ALLOWED",
  "CONFLICT",
  "GONE",
  "PRECONDITION_FAILED",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "RANGE_NOT_SATISFIABLE",
  "CHECKSUM_MISMATCH",
  "RATE_LIMITED",
  "QUEUE_FULL",
  "INTERNAL_ERROR",
  "CONFIGURATION_ERROR",
  "SERVICE_UNAVAILABLE",
  "UPSTREAM_ERROR",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

const STATUS_CODES = {
  BAD_REQUEST: 400,
  MALFORMED_JSON: 400,
  VALIDATION_ERROR: 422,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  GONE: 410,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RANGE_NOT_SATISFIABLE: 416,
  CHECKSUM_MISMATCH: 460,
  RATE_LIMITED: 429,
  QUEUE_FULL: 429,
  INTERNAL_ERROR: 500,
  CONFIGURATION_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
  UPSTREAM_ERROR: 502,
} as const satisfies Record<ErrorCode, number>;

/** Every status an error answer can have. */
export type ErrorStatus = (typeof STATUS_CODES)[ErrorCode];

export const FieldErrorSchema = z
  .object({
    path: z.string().openapi({ example: "payload.asset_id" }),
    message: z.string().openapi({
      example: "Invalid input: expected string, received undefined",
    }),
    code: z.string().openapi({ example: "invalid_type" }),
  })
  .openapi("FieldError");

export const ErrorEnvelopeSchema = z
  .object({
    error: z.object({
      code: ErrorCode.openapi({ example: "NOT_FOUND" }),
      message: z.string().openapi({ example: "Video asset not found" }),
      request_id: z.string().openapi({ example: "f1b5c2de-7c55-4cc1-9a3b-6a3a4c1f2b10" }),
      details: z.array(FieldErrorSchema).optional(),
    }),
  })
  .openapi("Error");
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;
export type { FieldError };

/** The one error class. Handlers and middleware throw it; only handleError turns it into JSON. */
export class ApiError extends HTTPException {
  readonly code: ErrorCode;
  readonly details?: FieldError[];
  readonly headers?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      details?: FieldError[];
      headers?: Record<string, string>;
      cause?: unknown;
    } = {},
  ) {
    super(STATUS_CODES[code] as ContentfulStatusCode, {
      message,
      cause: options.cause,
    });
    this.code = code;
    this.details = options.details;
    this.headers = options.headers;
  }
}

function codeForStatus(status: number): ErrorCode {
  const match = (Object.entries(STATUS_CODES) as [ErrorCode, ErrorStatus][]).find(([, s]) => s === status);
  return match?.[0] ?? (status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST");
}

/** The one mapping from the domain's error codes to the API's. */
const DOMAIN_ERROR_CODES: Record<DomainErrorCode, ErrorCode> = {
  INVALID_INPUT: "VALIDATION_ERROR",
  MALFORMED_INPUT: "BAD_REQUEST",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  GONE: "GONE",
  TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  CHECKSUM_MISMATCH: "CHECKSUM_MISMATCH",
  QUEUE_FULL: "QUEUE_FULL",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

function fromDomainError(error: DomainError): ApiError {
  const headers =
    error.retryAfterSeconds === undefined ? undefined : { "Retry-After": String(error.retryAfterSeconds) };
  return new ApiError(DOMAIN_ERROR_CODES[error.code], error.message, {
    details: error.details,
    headers,
    cause: error,
  });
}

export function errorResponse(c: Context<AppEnv>, error: ApiError): Response {
  // A HEAD answer never has a body, so it names no Content-Type for one: status and headers are the answer.
  if (c.req.method === "HEAD") return withHeaders(c.body(null, error.status), error.headers);
  const body: ErrorEnvelope = {
    error: {
      code: error.code,
      message: error.message,
      request_id: c.get("requestId") ?? "unknown",
      ...(error.details ? { details: error.details } : {}),
    },
  };
  return withHeaders(c.json(body, error.status), error.headers);
}

function withHeaders(response: Response, headers: Record<string, string> = {}): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** app.onError: every failure leaves through here, in the one envelope. */
export function handleError(err: Error, c: Context<AppEnv>): Response {
  if (err instanceof ApiError) return errorResponse(c, err);
  if (err instanceof DomainError) return errorResponse(c, fromDomainError(err));
  if (err instanceof ConfigError) {
    c.get("logger")?.error("configuration_error", { issues: err.issues });
    return errorResponse(c, new ApiError("CONFIGURATION_ERROR", err.message));
  }
  if (err instanceof HTTPException) {
    // Hono's own exceptions (e.g. the JSON body parser) carry only a status and message.
    const malformed = /malformed json/i.test(err.message);
    const code = malformed ? "MALFORMED_JSON" : codeForStatus(err.status);
    return errorResponse(c, new ApiError(code, malformed ? "Malformed JSON in request body" : err.message || code));
  }
  c.get("logger")?.error("unhandled_error", {
    error: err.message,
    name: err.name,
    stack: err.stack,
  });
  return errorResponse(c, new ApiError("INTERNAL_ERROR", "Internal server error"));
}

/** defaultHook for every OpenAPI route, so validation failures use the same envelope. */
export const handleZodError: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (!result.success) {
    const target = "target" in result ? String(result.target) : "";
    const prefix = target === "json" || target === "form" || !target ? [] : [target];
    throw new ApiError("VALIDATION_ERROR", "Request validation failed", {
      details: fieldErrorsFromIssues(result.error.issues, prefix),
    });
  }
};

/** OpenAPI response entries for error statuses, so the document lists every error a route can give. */
export function errorResponses(...statuses: ErrorStatus[]) {
  return documentedErrors(statuses, true);
}

/** The same for a HEAD operation: its answers carry no envelope (see errorResponse), so no content either. */
export function headErrorResponses(...statuses: ErrorStatus[]) {
  return documentedErrors(statuses, false);
}

function documentedErrors(statuses: ErrorStatus[], withBody: boolean) {
  const descriptions: Partial<Record<ErrorStatus, string>> = {
    400: "Bad request or malformed JSON",
    401: "Missing or invalid credentials",
    403: "Credentials do not grant access to this resource",
    404: "Resource not found",
    409: "Conflict with the resource's current state",
    413: "Payload too large",
    415: "Unsupported media type",
    416: "Range not satisfiable",
    422: "Request validation failed (field-level details)",
    429: "Rate limited or queue full; see Retry-After",
    500: "Unexpected server error",
    503: "Service unavailable",
  };
  const retryAfter = {
    "Retry-After": { schema: { type: "integer" as const }, description: "Seconds to wait before trying again" },
  };
  return Object.fromEntries(
    [...new Set<ErrorStatus>([...statuses, 500])]
      .sort((a, b) => a - b)
      .map((status) => [
        status,
        {
          description: descriptions[status] ?? "Error",
          ...(status === 429 || status === 503 ? { headers: retryAfter } : {}),
          ...(withBody ? { content: { "application/json": { schema: ErrorEnvelopeSchema } } } : {}),
        },
      ]),
  );
}
