import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Database } from "../db/client";
import { afterCursor, pageOf } from "../db/cursor";
import { type JobStatus, jobs } from "../db/schema/jobs";
import type { Job } from "./job";
import { jobFromRow } from "./job-mirror";

export interface ListJobsQuery {
  projectId: string;
  statuses?: JobStatus[];
  jobType?: string;
  limit: number;
  cursor?: string;
}

/** A page of a project's jobs from the D1 mirror, newest first. */
export async function listJobs(
  db: Database,
  query: ListJobsQuery,
): Promise<{ items: Job[]; next_cursor: string | null }> {
  const conditions: (SQL | undefined)[] = [eq(jobs.projectId, query.projectId)];
  if (query.statuses?.length) conditions.push(inArray(jobs.status, query.statuses));
  if (query.jobType) conditions.push(eq(jobs.jobType, query.jobType));
  conditions.push(afterCursor(jobs, query.cursor));
  const rows = await db
    .select()
    .from(jobs)
    .where(and(...conditions))
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (row) => [row.createdAt, row.id]);
  return { items: page.items.map(jobFromRow), next_cursor: page.nextCursor };
}
