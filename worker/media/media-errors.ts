/**
 * The one error the media client throws (besides the caller's own abort reason). Job handlers map it with
 * `retryable`: true -> RetryableJobError (service busy, container stopped mid-call, network), false ->
 * PermanentJobError (bad media, bad request). `message` is already plain words for a job's error_message.
 */
export class MediaServiceError extends Error {
  override name = "MediaServiceError";
  readonly code: string;
  readonly retryable: boolean;
  /** HTTP status when the service answered without an event stream. */
  readonly status?: number;
  /** From a 503's Retry-After. */
  readonly retryAfterSeconds?: number;

  constructor(
    code: string,
    message: string,
    retryable: boolean,
    options: { status?: number; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.retryable = retryable;
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** Client-side codes, next to the service's own (INVALID_MEDIA, TRUNCATED_MEDIA, NO_VIDEO_STREAM, ZERO_DURATION, ...). */
export const MediaClientErrorCode = {
  unavailable: "MEDIA_UNAVAILABLE",
  busy: "MEDIA_BUSY",
  badRequest: "MEDIA_BAD_REQUEST",
  interrupted: "MEDIA_STREAM_INTERRUPTED",
  /** The instance a call went to stopped answering: refused or dropped the connection, or ended without a result. */
  instanceLost: "MEDIA_INSTANCE_LOST",
  protocol: "MEDIA_PROTOCOL_ERROR",
  inputSize: "MEDIA_INPUT_SIZE_MISMATCH",
  fileHandler: "MEDIA_FILE_HANDLER_FAILED",
  notConfigured: "MEDIA_NOT_CONFIGURED",
} as const;
