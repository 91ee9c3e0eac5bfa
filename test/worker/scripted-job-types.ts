import { z } from "zod";
import type { JobContext } from "../../worker/jobs/handler";
import type { JobTypeDefinition } from "../../worker/jobs/job-type";

/**
 * Job types as the tests script them. The test Worker (test-main.ts) looks a job's type up here before the real
 * list, so a test can decide what a job does while creation, the queue and the Durable Object stay real.
 * vitest-pool-workers runs the tests and the Worker in one isolate, so both see this module's map.
 */
const scripted = new Map<string, JobTypeDefinition | null>();

/** What the test Worker's job objects run for `name`: a scripted type, none (hidden), or the real one. */
export function lookupJobType(
  name: string,
  real: (name: string) => JobTypeDefinition | undefined,
): JobTypeDefinition | undefined {
  const override = scripted.get(name);
  if (override === null) return undefined;
  return override ?? real(name);
}

function install(name: string, definition: JobTypeDefinition | null): () => void {
  const had = scripted.has(name);
  const previous = scripted.get(name);
  scripted.set(name, definition);
  return () => {
    if (had) scripted.set(name, previous ?? null);
    else scripted.delete(name);
  };
}

// Scripted runs return whatever the test needs; the engine still insists on a JSON object.
const ScriptedResultSchema = z.unknown().pipe(z.record(z.string(), z.json()));

type PayloadOf<Definition extends JobTypeDefinition> = z.output<Definition["payloadSchema"]>;

/**
 * Runs jobs of the definition's type with `run` for the rest of the test (payloads still parsed by the real
 * schema; any JSON object is a result). Returns the function that restores the real type.
 */
export function scriptJob<Definition extends JobTypeDefinition>(
  definition: Definition,
  run: (ctx: JobContext<PayloadOf<Definition>>) => Promise<unknown>,
): () => void {
  return install(definition.type, { ...definition, run, resultSchema: ScriptedResultSchema });
}

/** Like scriptJob, but the result must still match the real type's result schema (a real handler, patched). */
export function patchJob<Definition extends JobTypeDefinition>(
  definition: Definition,
  run: (ctx: JobContext<PayloadOf<Definition>>) => Promise<unknown>,
): () => void {
  return install(definition.type, { ...definition, run });
}

/** Runs jobs of this type as if no module defined it. */
export function hideJobType(name: string): () => void {
  return install(name, null);
}
