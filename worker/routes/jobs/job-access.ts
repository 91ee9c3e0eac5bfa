import { DomainError } from "../../domain-error";
import type { Env } from "../../env";
import { JobClient } from "../../jobs/job-client";

/**
 * The routes' side of the job's Durable Object. RPC cannot carry error classes, so what the object
 * answers is turned into domain errors here, once.
 */
const notFound = (projectId: string, jobId: string) =>
  new DomainError("NOT_FOUND", `Job ${jobId} not found in project ${projectId}`);

/** The job's client and its current state; NOT_FOUND when the job is not in this project. */
export async function loadProjectJob(env: Env, projectId: string, jobId: string) {
  const client = new JobClient(env.JOB, jobId);
  const job = await client.get();
  if (!job || job.project_id !== projectId) throw notFound(projectId, jobId);
  return { client, job };
}

/** Cancels a job of this project and returns it; NOT_FOUND, or CONFLICT once it has finished. */
export async function cancelProjectJob(env: Env, projectId: string, jobId: string) {
  const { client } = await loadProjectJob(env, projectId, jobId);
  const result = await client.cancel();
  if (result.outcome === "not_found") throw notFound(projectId, jobId);
  if (result.outcome === "finished") {
    throw new DomainError("CONFLICT", `Job ${jobId} already finished with status ${result.job.status}`);
  }
  return result.job;
}
