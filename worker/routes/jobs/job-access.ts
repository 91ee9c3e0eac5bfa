import { DomainError } from "../../domain-error";
import type { Env } from "../../env";
import type { CancelOutcome, Job } from "../../jobs/job";
import { jobStub } from "../../jobs/queue-consumer";

/**
 * The routes' side of the job's Durable Object. RPC cannot carry error classes, so what the object
 * answers is turned into domain errors here, once.
 */
const notFound = (projectId: string, jobId: string) =>
  new DomainError("NOT_FOUND", `Job ${jobId} not found in project ${projectId}`);

/** The job's Durable Object and its current state; NOT_FOUND when the job is not in this project. */
export async function loadProjectJob(env: Env, projectId: string, jobId: string) {
  const stub = jobStub(env, jobId);
  const job = (await stub.get()) as Job | null;
  if (!job || job.project_id !== projectId) throw notFound(projectId, jobId);
  return { stub, job };
}

/** Cancels a job of this project and returns it; NOT_FOUND, or CONFLICT once it has finished. */
export async function cancelProjectJob(env: Env, projectId: string, jobId: string): Promise<Job> {
  const { stub } = await loadProjectJob(env, projectId, jobId);
  const result = (await stub.cancel()) as CancelOutcome;
  if (result.outcome === "not_found") throw notFound(projectId, jobId);
  if (result.outcome === "finished") {
    throw new DomainError("CONFLICT", `Job ${jobId} already finished with status ${result.job.status}`);
  }
  return result.job;
}
