import type { z } from "zod";
import type { Database } from "../db/client";
import type { JsonObject } from "../db/schema/columns";
import type { ProjectEventType } from "../events/event-types";
import type { JobContext } from "./handler";
import type { Job } from "./job";

/** What creation-time checks may read. */
export interface JobTypeScope {
  db: Database;
  projectId: string;
}

/**
 * A project event a job type announces when its job ends (besides job.completed / job.failed), e.g.
 * `transcript.ready`. `data` is read just before the outcome is committed (the handler has already stored what
 * it made); its default is the job's result. Returning null skips the event.
 */
export interface JobOutcomeEvent {
  type: ProjectEventType;
  data?(outcome: { job: Job; result: JsonObject | null }, scope: JobTypeScope): Promise<JsonObject | null>;
}

/**
 * Everything about one job type, in its own module (worker/jobs/types/<type>.ts) and listed once in
 * worker/jobs/types/index.ts; the API's job type enum, the OpenAPI request union and the engine's lookup
 * all come from that list.
 *
 * Payloads and results are JSON objects: they are stored in D1 and the job's Durable Object and travel over RPC.
 * The functions are methods on purpose: method parameters are checked bivariantly, so a definition for one
 * payload type can sit in the list of all definitions. The engine only ever calls them with a payload that
 * the same definition's `payloadSchema` produced.
 */
export interface JobTypeDefinition<
  Type extends string = string,
  Payload extends z.ZodType<JsonObject> = z.ZodType<JsonObject>,
  Result extends z.ZodType<JsonObject> = z.ZodType<JsonObject>,
> {
  type: Type;
  /** Parsed once at creation (the stored payload is its output) and once more when an attempt starts. */
  payloadSchema: Payload;
  /** Creation-time checks that need stored data (the asset exists in the project, ...); throw JobPayloadError. */
  validate?(payload: z.output<Payload>, scope: JobTypeScope): Promise<void>;
  /** The asset this job works on, mirrored into jobs.asset_id. */
  assetId?(payload: z.output<Payload>): string | undefined;
  /** One attempt. Throw RetryableJobError / PermanentJobError to fail it; anything else counts as retryable. */
  run(ctx: JobContext<z.output<Payload>>): Promise<z.input<Result>>;
  /** What `run` returns is parsed with this before it becomes the job's `result`. */
  resultSchema: Result;
  /** The project events its outcome announces (worker/events/event-types.ts). */
  events?: { completed?: JobOutcomeEvent; failed?: JobOutcomeEvent };
}

/** Builds a job type with its payload and result types inferred from the schemas. */
export function defineJobType<
  const Type extends string,
  Payload extends z.ZodType<JsonObject>,
  Result extends z.ZodType<JsonObject>,
>(definition: JobTypeDefinition<Type, Payload, Result>): JobTypeDefinition<Type, Payload, Result> {
  return definition;
}
