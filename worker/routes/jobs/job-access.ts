import type { Env } from "../../env";
import { ApiError } from "../../errors";
import type { Job } from "../../jobs/job";
import { jobStub } from "../../jobs/queue-consumer";

/** The job's Durable Object and its current state, or 404 when the job is not in this project. */
export async function loadProjectJob(env: Env, projectId: string, jobId: string) {
  const stub = jobStub(env, jobId);
  const job = (await stub.get()) as Job | null;
  if (!job || job.project_id !== projectId)
    throw new ApiError("NOT_FOUND", `Job ${jobId} not found in project ${projectId}`);
  return { stub, job };
}
