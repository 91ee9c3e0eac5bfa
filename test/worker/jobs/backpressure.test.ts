import { createExecutionContext, env } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../../worker/app";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import { JobListSchema } from "../../../worker/routes/jobs/schema";
import { ADMIN, aborted, postJson, projectWithAsset, scriptIngest, waitForJob } from "./job-test-kit";

let restore: (() => void) | undefined;
afterEach(() => restore?.());

const activeJobs = async (projectId?: string) =>
  (projectId === undefined
    ? await env.DB.prepare("SELECT COUNT(*) AS n FROM jobs WHERE status IN ('queued', 'running')").first<{
        n: number;
      }>()
    : await env.DB.prepare("SELECT COUNT(*) AS n FROM jobs WHERE status IN ('queued', 'running') AND project_id = ?")
        .bind(projectId)
        .first<{ n: number }>()
  )?.n ?? 0;

/** POST /jobs (an ingest of the project's asset) through an app whose env overrides some settings. */
function creator(vars: Record<string, string>) {
  const app = createApp();
  const limitedEnv = { ...env, ...vars };
  const create = ({ projectId, assetId }: { projectId: string; assetId: string }) =>
    app.fetch(
      new Request(`https://api.test/projects/${projectId}/jobs`, {
        method: "POST",
        headers: { ...ADMIN, "Content-Type": "application/json" },
        body: JSON.stringify({ job_type: "ingest", payload: { asset_id: assetId } }),
      }),
      limitedEnv,
      createExecutionContext(),
    );
  return { app, limitedEnv, create };
}

async function expectQueueFull(res: Response, setting: string, limit: number) {
  expect(res.status).toBe(429);
  expect(res.headers.get("Retry-After")).toBe("10");
  const body = ErrorEnvelopeSchema.parse(await res.json());
  expect(body.error.code).toBe("QUEUE_FULL");
  expect(body.error.message).toContain(`${setting}: ${limit} `);
}

async function cancelAll(projectId: string, ids: string[]) {
  for (const id of ids) await postJson(`/projects/${projectId}/jobs/${id}/cancel`, {});
  for (const id of ids) await waitForJob(projectId, id, (j) => j.status === "cancelled");
}

const idsOf = (responses: Response[]) =>
  Promise.all(responses.filter((r) => r.status === 202).map(async (r) => ((await r.json()) as { id: string }).id));

describe("admission", () => {
  it("MAX_QUEUE_SIZE is per project: a full project gets 429 QUEUE_FULL naming it, creating nothing; others go on", async () => {
    const busy = await projectWithAsset("busy");
    const other = await projectWithAsset("other");
    restore = scriptIngest(async (ctx) => aborted(ctx.signal));
    const { app, limitedEnv, create } = creator({ MAX_QUEUE_SIZE: "2" });

    const accepted = [await create(busy), await create(busy)];
    expect(accepted.map((res) => res.status)).toEqual([202, 202]);
    const ids = await idsOf(accepted);

    await expectQueueFull(await create(busy), "MAX_QUEUE_SIZE", 2);
    const list = JobListSchema.parse(
      await (
        await app.fetch(new Request(`https://api.test/projects/${busy.projectId}/jobs`, { headers: ADMIN }), limitedEnv)
      ).json(),
    );
    expect(list.items.map((job) => job.id).sort()).toEqual([...ids].sort());
    expect(await activeJobs(busy.projectId)).toBe(2);

    // Another project is not held back by the busy one.
    const elsewhere = await create(other);
    expect(elsewhere.status).toBe(202);

    // Finishing a job makes room again.
    await cancelAll(busy.projectId, ids);
    const again = await create(busy);
    expect(again.status).toBe(202);
    await cancelAll(busy.projectId, await idsOf([again]));
    await cancelAll(other.projectId, await idsOf([elsewhere]));
  });

  it("MAX_TOTAL_QUEUED_JOBS caps all projects together, and the 429 names it", async () => {
    const first = await projectWithAsset("total-a");
    const second = await projectWithAsset("total-b");
    restore = scriptIngest(async (ctx) => aborted(ctx.signal));
    const limit = (await activeJobs()) + 1;
    const { create } = creator({ MAX_TOTAL_QUEUED_JOBS: String(limit) });

    const accepted = await create(first);
    expect(accepted.status).toBe(202);
    await expectQueueFull(await create(second), "MAX_TOTAL_QUEUED_JOBS", limit);
    expect(await activeJobs(second.projectId)).toBe(0);
    await cancelAll(first.projectId, await idsOf([accepted]));
  });

  it("concurrent creations in two projects racing for the last slots never overshoot either limit", async () => {
    const a = await projectWithAsset("race-a");
    const b = await projectWithAsset("race-b");
    restore = scriptIngest(async (ctx) => aborted(ctx.signal));

    // Per project: one slot each, six creations at once in each project.
    const perProject = creator({ MAX_QUEUE_SIZE: "1" });
    const raced = await Promise.all([...Array(6)].flatMap(() => [perProject.create(a), perProject.create(b)]));
    expect(raced.filter((r) => r.status === 202)).toHaveLength(2);
    expect(raced.filter((r) => r.status === 429)).toHaveLength(10);
    expect([await activeJobs(a.projectId), await activeJobs(b.projectId)]).toEqual([1, 1]);
    const firstIds = await idsOf(raced);

    // Across projects: one slot left in the whole deployment, both projects racing for it.
    const total = creator({ MAX_TOTAL_QUEUED_JOBS: String((await activeJobs()) + 1), MAX_QUEUE_SIZE: "10" });
    const before = await activeJobs();
    const last = await Promise.all([...Array(4)].flatMap(() => [total.create(a), total.create(b)]));
    expect(last.filter((r) => r.status === 202)).toHaveLength(1);
    expect(await activeJobs()).toBe(before + 1);

    for (const p of [a, b]) {
      const { items } = JobListSchema.parse(await (await postList(p.projectId)).json());
      await cancelAll(
        p.projectId,
        items.filter((j) => j.status === "queued" || j.status === "running").map((j) => j.id),
      );
    }
    expect(firstIds).toHaveLength(2);
  });

  it("counts active jobs from the status/project index alone, whatever the history", async () => {
    const plans = await Promise.all(
      [
        "SELECT COUNT(*) FROM jobs WHERE status IN ('queued', 'running') AND project_id = 'p'",
        "SELECT COUNT(*) FROM jobs WHERE status IN ('queued', 'running')",
      ].map(async (query) =>
        (await env.DB.prepare(`EXPLAIN QUERY PLAN ${query}`).all<{ detail: string }>()).results.map((r) => r.detail),
      ),
    );
    for (const plan of plans) {
      expect(plan.join("\n")).toMatch(/SEARCH jobs USING COVERING INDEX jobs_status_project_idx \(status=\?/);
      expect(plan.join("\n")).not.toMatch(/SCAN jobs/);
    }
  });
});

const postList = (projectId: string) =>
  createApp().fetch(new Request(`https://api.test/projects/${projectId}/jobs?limit=100`, { headers: ADMIN }), env);
