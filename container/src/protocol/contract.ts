/**
 * The wire contract between the Worker (worker/media) and the media service (container/src).
 * Runtime-neutral on purpose: the Worker imports this file, so it must not touch node: APIs.
 */
import { z } from "zod";

export const EVENT_STREAM_CONTENT_TYPE = "application/x-ndjson";
export const FRAMED_REQUEST_CONTENT_TYPE = "application/x-media-framed";
/** The header line is small JSON; anything longer is a malformed request, not a big option set. */
export const MAX_HEADER_BYTES = 64 * 1024;
export const MAX_INPUTS = 8;

export const InputNameSchema = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, "input names are lower_snake_case");

export const InputDescriptorSchema = z.object({
  name: InputNameSchema,
  size: z.number().int().min(0),
});
export type InputDescriptor = z.infer<typeof InputDescriptorSchema>;

/** First line of every work request. Op options sit beside `inputs` and are validated by the op itself. */
export const RequestHeaderSchema = z.looseObject({
  inputs: z
    .array(InputDescriptorSchema)
    .max(MAX_INPUTS)
    .refine((inputs) => new Set(inputs.map((i) => i.name)).size === inputs.length, "input names must be unique"),
});
export type RequestHeader = z.infer<typeof RequestHeaderSchema>;

export const ProgressEventSchema = z.object({ type: z.literal("progress"), percent: z.number().min(0).max(100) });
export const LogEventSchema = z.object({
  type: z.literal("log"),
  level: z.enum(["debug", "info", "warning", "error"]),
  message: z.string(),
  /** JSON by construction (it crossed the wire as JSON); typed so, because the Worker stores it in job logs. */
  details: z.record(z.string(), z.json()).optional(),
});
/** Followed on the wire by exactly `size` raw bytes. */
export const FileEventSchema = z.object({
  type: z.literal("file"),
  name: z.string().min(1),
  size: z.number().int().min(0),
  content_type: z.string().min(1),
});
export const ResultEventSchema = z.object({ type: z.literal("result"), data: z.record(z.string(), z.unknown()) });
export const ErrorEventSchema = z.object({
  type: z.literal("error"),
  code: z.string(),
  message: z.string(),
  retryable: z.boolean(),
});

export type ProgressEvent = z.infer<typeof ProgressEventSchema>;
export type LogEvent = z.infer<typeof LogEventSchema>;
export type FileEvent = z.infer<typeof FileEventSchema>;
export type ResultEvent = z.infer<typeof ResultEventSchema>;
export type ErrorEvent = z.infer<typeof ErrorEventSchema>;
/** Op-specific events (e.g. `segments`) carry any other `type` and their own fields. */
export type CustomEvent = { type: string } & Record<string, unknown>;

const RESERVED_TYPES = new Set(["progress", "log", "file", "result", "error"]);
export const isReservedEventType = (type: string) => RESERVED_TYPES.has(type);

/** Error codes the service emits; ops may add their own, so clients treat unknown codes by `retryable`. */
export const MediaErrorCode = {
  invalidMedia: "INVALID_MEDIA",
  truncatedMedia: "TRUNCATED_MEDIA",
  noVideoStream: "NO_VIDEO_STREAM",
  zeroDuration: "ZERO_DURATION",
  invalidOptions: "INVALID_OPTIONS",
  upstream: "UPSTREAM_ERROR",
  internal: "INTERNAL_ERROR",
  aborted: "ABORTED",
} as const;

/** Body of every non-200 answer (400 bad framing, 503 busy, 404 unknown op). */
export const ServiceErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ServiceErrorBody = z.infer<typeof ServiceErrorBodySchema>;

const encoder = new TextEncoder();

/** One ndjson line; both ends use this so framing can't drift. */
export function encodeLine(value: unknown): Uint8Array {
  return encoder.encode(`${JSON.stringify(value)}\n`);
}
