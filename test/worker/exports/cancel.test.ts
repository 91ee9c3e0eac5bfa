import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { exportJob } from "../../../worker/jobs/types/export";
import { createMediaClient } from "../../../worker/media/media-client";
import { AssetListSchema } from "../../../worker/routes/assets/schema";
import { JobSchema } from "../../../worker/routes/jobs/schema";
import { uniqueProjectId } from "../helpers/project-key";
import { mediaFixture } from "../media/fixtures";
import { patchJob } from "../scripted-job-types";
import { ADMIN, api, createExportJob, r2Keys, runExport, seedAsset, waitForFinish } from "./export-kit";

async function exportState(projectId: string) {
  const list = AssetListSchema.parse(await (await api(`/projects/${projectId}/exports`, { headers: ADMIN })).json());
  const rows = await env.DB.prepare(
    "SELECT count(*) AS n FROM storage_objects WHERE project_id = ? AND category IN ('exports', 'thumbnails')",
  )
    .bind(projectId)
    .first<{ n: number }>();
  return {
    assets: list.items.length,
    exports: (await r2Keys(projectId, "exports")).length,
    thumbnails: (await r2Keys(projectId, "thumbnails")).length,
    rows: rows?.n,
  };
}

const NOTHING = { assets: 0, exports: 0, thumbnails: 0, rows: 0 };

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

describe("export job: cancellation and failures", () => {
  it("cancelling mid-render kills it and removes the outputs already stored", async () => {
    const projectId = uniqueProjectId("exc");
    const [red, blue] = await Promise.all([
      seedAsset(projectId, "clip-red.mp4"),
      seedAsset(projectId, "clip-blue.mp4"),
    ]);
    const clips = Array.from({ length: 8 }, (_, i) => ({
      asset_id: (i % 2 ? red : blue)!.id,
      in_point: 0,
      out_point: 2,
    }));
    // A tiny first template is stored while the large second one is still rendering.
    const res = await createExportJob(
      projectId,
      {
        timeline: {
          clips,
          export_templates: [
            { name: "tiny", width: 64, height: 36 },
            { name: "large", width: 1920, height: 1080 },
          ],
        },
      },
      { max_attempts: 1 },
    );
    expect(res.status).toBe(202);
    const job = JobSchema.parse(await res.json());
    await vi.waitFor(
      async () => {
        if ((await r2Keys(projectId, "exports")).length === 0) throw new Error("no output stored yet");
      },
      { timeout: 60_000, interval: 50 },
    );
    const cancel = await api(`/projects/${projectId}/jobs/${job.id}/cancel`, { method: "POST", headers: ADMIN });
    expect(cancel.status).toBe(200);
    expect((await waitForFinish(projectId, job.id)).status).toBe("cancelled");
    await vi.waitFor(async () => expect(await exportState(projectId)).toEqual(NOTHING), { timeout: 30_000 });
  }, 120_000);

  it("a source that is not media fails permanently and registers nothing", async () => {
    const projectId = uniqueProjectId("exc");
    const red = await seedAsset(projectId, "clip-red.mp4");
    // The row says ready, but the stored bytes are not a video (e.g. replaced behind the API's back).
    await env.BUCKET.put(red.r2Key, mediaFixture("not-media.mp4"));
    const res = await createExportJob(
      projectId,
      { timeline: { clips: [{ asset_id: red.id, in_point: 0, out_point: 1 }] } },
      { max_attempts: 3 },
    );
    const job = await waitForFinish(projectId, JobSchema.parse(await res.json()).id);
    expect(job.status).toBe("failed");
    expect(job.attempts).toBe(1);
    expect(await exportState(projectId)).toEqual(NOTHING);
  }, 60_000);

  it("a source missing from storage fails permanently", async () => {
    const projectId = uniqueProjectId("exc");
    const red = await seedAsset(projectId, "clip-red.mp4");
    await env.BUCKET.delete(red.r2Key);
    const job = await runExport(projectId, { timeline: { clips: [{ asset_id: red.id, in_point: 0, out_point: 1 }] } });
    expect(job.status).toBe("failed");
    expect(job.error_message).toContain("missing from storage");
    expect(await exportState(projectId)).toEqual(NOTHING);
  }, 60_000);

  it("an unreachable media service is a transient failure: the job is queued for another attempt", async () => {
    const projectId = uniqueProjectId("exc");
    const red = await seedAsset(projectId, "clip-red.mp4");
    // The real handler, with a media client pointed at a closed port (as with a stopped container).
    restore = patchJob(exportJob, (ctx) =>
      exportJob.run({
        ...ctx,
        services: {
          ...ctx.services,
          media: createMediaClient(env, {
            ...ctx.services.settings,
            MEDIA_SERVICE_URL: ["http://127.0.0.1:1"],
            MEDIA_CONTAINER_INSTANCES: 1,
          }),
        },
      }),
    );
    const res = await createExportJob(
      projectId,
      { timeline: { clips: [{ asset_id: red.id, in_point: 0, out_point: 1 }] } },
      { max_attempts: 2, retry_delay_seconds: 60 },
    );
    const { id } = JobSchema.parse(await res.json());
    const queued = await vi.waitFor(
      async () => {
        const job = JobSchema.parse(await (await api(`/projects/${projectId}/jobs/${id}`, { headers: ADMIN })).json());
        if (job.attempts !== 1 || job.status !== "queued") throw new Error(`job is ${job.status}`);
        return job;
      },
      { timeout: 30_000, interval: 50 },
    );
    expect(queued.error_message).toMatch(/^The media service could not be reached: /);
    expect(await exportState(projectId)).toEqual(NOTHING);
    await api(`/projects/${projectId}/jobs/${id}/cancel`, { method: "POST", headers: ADMIN });
  }, 60_000);
});
