import type { Env } from "../../env";
import { ApiError } from "../../errors";
import { JobClient } from "../../jobs/job-client";

/** The job's client and its current state, or 404 when the job is not in this project. */
export async function loadProjectJob(env: Env, projectId: string, jobId: string) {
  const client = new JobClient(env.JOB, jobId);
  const job = await client.get();
  if (!job || job.project_id !== projectId)
    throw new ApiError("NOT_FOUND", `Job ${jobId} not found in project ${projectId}`);
  return { client, job };
}
