import type { JobType } from "../db/schema/jobs";
import type { JobContext, JobHandler, JobPayloadSpec } from "./handler";
import { JOB_HANDLERS } from "./handlers";
import { JOB_PAYLOAD_SPECS } from "./payloads";

const specs = new Map<string, JobPayloadSpec>(JOB_PAYLOAD_SPECS.map((spec) => [spec.type, spec as JobPayloadSpec]));
const handlers = new Map<string, JobHandler>(JOB_HANDLERS.map((handler) => [handler.spec.type, handler]));
// null hides the type's handler, to exercise the "no handler registered" path.
const overrides = new Map<string, JobHandler["run"] | null>();

/** The payload spec clients may create jobs of this type with; undefined for types not open for creation. */
export function getPayloadSpec(type: string): JobPayloadSpec | undefined {
  return specs.get(type);
}

export function creatableJobTypes(): JobType[] {
  return [...specs.keys()] as JobType[];
}

/** The handler that runs jobs of this type; undefined means the job fails permanently. */
export function getJobHandler(type: string): JobHandler | undefined {
  const override = overrides.get(type);
  if (override === null) return undefined;
  const spec = specs.get(type) ?? handlers.get(type)?.spec;
  if (override && spec) return { spec, run: override };
  return handlers.get(type);
}

/**
 * Replaces the handler of a job type in this isolate (null: as if none were registered) and returns the
 * function that restores it.
 * For the engine's tests and the event benchmark only: in vitest-pool-workers the tests, the queue
 * consumer and the job Durable Object share this module instance, so a test can script what a job does.
 */
export function overrideJobHandler(
  type: JobType,
  run: ((ctx: JobContext<Record<string, unknown>>) => Promise<Record<string, unknown>>) | null,
): () => void {
  const had = overrides.has(type);
  const previous = overrides.get(type);
  overrides.set(type, run as JobHandler["run"] | null);
  return () => {
    if (had) overrides.set(type, previous ?? null);
    else overrides.delete(type);
  };
}
