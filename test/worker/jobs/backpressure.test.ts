import { createExecutionContext, env } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../../worker/app";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import { JobListSchema } from "../../../worker/routes/jobs/schema";
import { ADMIN, aborted, postJson, projectWithAsset, scriptIngest, waitForJob } from "./job-test-kit";

let restore: (() => void) | undefined;
afterEach(() => restore?.());

const activeJobs = async () =>
  (await env.DB.prepare("SELECT COUNT(*) AS n FROM jobs WHERE status IN ('queued', 'running')").first<{ n: number }>())
    ?.n ?? 0;

describe("backpressure", () => {
  it("answers 429 QUEUE_FULL with Retry-After once queued + running reach MAX_QUEUE_SIZE, creating nothing", async () => {
    const { projectId, assetId } = await projectWithAsset();
    restore = scriptIngest(async (ctx) => aborted(ctx.signal));
    // An app instance whose env sets MAX_QUEUE_SIZE just above what is active now.
    const limit = (await activeJobs()) + 2;
    const app = createApp();
    const limitedEnv = { ...env, MAX_QUEUE_SIZE: String(limit) };
    const create = () =>
      app.fetch(
        new Request(`https://api.test/projects/${projectId}/jobs`, {
          method: "POST",
          headers: { ...ADMIN, "Content-Type": "application/json" },
          body: JSON.stringify({ job_type: "ingest", payload: { asset_id: assetId } }),
        }),
        limitedEnv,
        createExecutionContext(),
      );

    const accepted = [await create(), await create()];
    expect(accepted.map((res) => res.status)).toEqual([202, 202]);
    const ids = await Promise.all(accepted.map(async (res) => ((await res.json()) as { id: string }).id));

    const full = await create();
    expect(full.status).toBe(429);
    expect(full.headers.get("Retry-After")).toBe("10");
    const body = ErrorEnvelopeSchema.parse(await full.json());
    expect(body.error.code).toBe("QUEUE_FULL");

    const list = JobListSchema.parse(
      await (
        await app.fetch(new Request(`https://api.test/projects/${projectId}/jobs`, { headers: ADMIN }), limitedEnv)
      ).json(),
    );
    expect(list.items.map((job) => job.id).sort()).toEqual([...ids].sort());
    expect(await activeJobs()).toBe(limit);

    // Finishing a job makes room again.
    for (const id of ids) await postJson(`/projects/${projectId}/jobs/${id}/cancel`, {});
    for (const id of ids) await waitForJob(projectId, id, (j) => j.status === "cancelled");
    expect((await create()).status).toBe(202);
  });
});
