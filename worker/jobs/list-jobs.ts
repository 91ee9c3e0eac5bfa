import { and, desc, eq, inArray, lt, or, type SQL } from "drizzle-orm";
import type { Database } from "../db/client";
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

/** The cursor was not produced by listJobs. */
export class InvalidCursorError extends Error {
  override name = "InvalidCursorError";
}

// Cursors are opaque to clients: base64url of the last item's [created_at, id].
function encodeCursor(job: Job): string {
  return btoa(JSON.stringify([job.created_at, job.id]))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(atob(cursor.replace(/-/g, "+").replace(/_/g, "/")));
    if (Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === "string")) {
      return value as [string, string];
    }
  } catch {
    // Falls through to the error below.
  }
  throw new InvalidCursorError("Invalid cursor");
}

/** A page of a project's jobs from the D1 mirror, newest first. */
export async function listJobs(
  db: Database,
  query: ListJobsQuery,
): Promise<{ items: Job[]; next_cursor: string | null }> {
  const conditions: (SQL | undefined)[] = [eq(jobs.projectId, query.projectId)];
  if (query.statuses?.length) conditions.push(inArray(jobs.status, query.statuses));
  if (query.jobType) conditions.push(eq(jobs.jobType, query.jobType));
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(query.cursor);
    conditions.push(or(lt(jobs.createdAt, createdAt), and(eq(jobs.createdAt, createdAt), lt(jobs.id, id))));
  }
  const rows = await db
    .select()
    .from(jobs)
    .where(and(...conditions))
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit).map(jobFromRow);
  const last = items.at(-1);
  return { items, next_cursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}
