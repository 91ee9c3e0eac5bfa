import { afterEach, describe, expect, it } from "vitest";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import { PermanentJobError } from "../../../worker/jobs/handler";
import { JobListSchema, type JobResponse } from "../../../worker/routes/jobs/schema";
import {
  ADMIN,
  aborted,
  api,
  createIngestJob,
  postJson,
  projectWithAsset,
  scriptIngest,
  waitForJob,
} from "./job-test-kit";

let restore: (() => void) | undefined;
afterEach(() => restore?.());

async function list(projectId: string, query = "") {
  const res = await api(`/projects/${projectId}/jobs${query}`, { headers: ADMIN });
  expect(res.status).toBe(200);
  return JobListSchema.parse(await res.json());
}

describe("GET /projects/{project_id}/jobs", () => {
  it("filters by repeated status and job_type, newest first, with cursor pages", async () => {
    const { projectId, assetId } = await projectWithAsset();
    restore = scriptIngest(async (ctx) => {
      const mode = (ctx.job.payload as { asset_id: string }).asset_id;
      if (mode !== assetId) throw new PermanentJobError("unexpected asset");
      const plan = plans.get(ctx.job.id);
      if (plan === "fail") throw new PermanentJobError("corrupt media");
      if (plan === "hang") await aborted(ctx.signal);
      return {};
    });
    const plans = new Map<string, string>();
    const jobs: JobResponse[] = [];
    // The hanging job goes last: locally the queue delivers one batch at a time, so it would hold back later jobs.
    for (const plan of ["complete", "fail", "complete", "hang"]) {
      const job = await createIngestJob(projectId, assetId);
      plans.set(job.id, plan);
      jobs.push(job);
      const target = plan === "complete" ? "completed" : plan === "fail" ? "failed" : "running";
      await waitForJob(projectId, job.id, (j) => j.status === target);
    }
    const [first, failed, last, hanging] = jobs as [JobResponse, JobResponse, JobResponse, JobResponse];

    const all = await list(projectId);
    expect(all.items.map((j) => j.id)).toEqual([hanging.id, last.id, failed.id, first.id]);
    expect(all.next_cursor).toBeNull();
    expect(all.items[0]?.logs.length).toBeGreaterThan(0);

    const active = await list(projectId, "?status=running&status=failed");
    expect(active.items.map((j) => [j.id, j.status])).toEqual([
      [hanging.id, "running"],
      [failed.id, "failed"],
    ]);
    const completed = await list(projectId, "?status=completed");
    expect(completed.items.map((j) => j.id)).toEqual([last.id, first.id]);
    expect((await list(projectId, "?job_type=transcription")).items).toEqual([]);
    expect((await list(projectId, "?job_type=ingest&status=completed")).items).toHaveLength(2);

    const page1 = await list(projectId, "?limit=3");
    expect(page1.items.map((j) => j.id)).toEqual([hanging.id, last.id, failed.id]);
    expect(page1.next_cursor).not.toBeNull();
    const page2 = await list(projectId, `?limit=3&cursor=${encodeURIComponent(page1.next_cursor ?? "")}`);
    expect(page2.items.map((j) => j.id)).toEqual([first.id]);
    expect(page2.next_cursor).toBeNull();

    // Other projects see none of it.
    const other = await projectWithAsset();
    expect((await list(other.projectId)).items).toEqual([]);

    await postJson(`/projects/${projectId}/jobs/${hanging.id}/cancel`, {});
    await waitForJob(projectId, hanging.id, (j) => j.status === "cancelled");
  }, 30_000);

  it.each([
    ["?status=done", "query.status"],
    ["?job_type=resize", "query.job_type"],
    ["?limit=0", "query.limit"],
    ["?limit=101", "query.limit"],
    ["?limit=abc", "query.limit"],
    ["?cursor=not-a-cursor", "query.cursor"],
  ])("rejects %s with 422", async (query, path) => {
    const { projectId } = await projectWithAsset();
    const res = await api(`/projects/${projectId}/jobs${query}`, { headers: ADMIN });
    expect(res.status).toBe(422);
    const body = ErrorEnvelopeSchema.parse(await res.json());
    expect(body.error.details?.some((d) => d.path.startsWith(path))).toBe(true);
  });
});

describe("GET /projects/{project_id}/jobs/{job_id}", () => {
  it("returns the job's current truth and 404 for unknown or foreign jobs", async () => {
    const { projectId, assetId } = await projectWithAsset();
    restore = scriptIngest(async () => ({ done: true }));
    const created = await createIngestJob(projectId, assetId);
    const job = await waitForJob(projectId, created.id, (j) => j.status === "completed");
    expect(job.result).toEqual({ done: true });
    expect((await api(`/projects/${projectId}/jobs/${crypto.randomUUID()}`, { headers: ADMIN })).status).toBe(404);
    const other = await projectWithAsset();
    const foreign = await api(`/projects/${other.projectId}/jobs/${created.id}`, { headers: ADMIN });
    expect(foreign.status).toBe(404);
    expect(ErrorEnvelopeSchema.parse(await foreign.json()).error.code).toBe("NOT_FOUND");
  });
});
