import { afterEach, describe, expect, it } from "vitest";
import { ingestJob } from "../../../worker/jobs/types/ingest";
import { uniqueProjectId } from "../helpers/project-key";
import { aborted, gate, postJson, scriptIngest, waitForJob } from "../jobs/job-test-kit";
import { getAsset, INGEST_TIMEOUT_MS, TEST_TIMEOUT_MS, thumbnailObjects, uploadedVideo } from "./ingest-kit";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

/**
 * Runs the real handler, holding it inside the media call at the first progress report >= `holdAt`
 * (the handler's own first report is 5, before the call starts) until the job is cancelled.
 */
function holdIngestAt(holdAt: number) {
  const held = gate<number>();
  const ended = gate<unknown>();
  let reports = 0;
  restore = scriptIngest(async (ctx) => {
    const run = ingestJob.run({
      ...ctx,
      async progress(percent, message) {
        await ctx.progress(percent, message);
        reports += 1;
        if (reports > 1 && percent >= holdAt) {
          held.open(percent);
          await aborted(ctx.signal);
        }
      },
    });
    run.then(ended.open, ended.open);
    return run;
  });
  return { held: held.promise, ended: ended.promise };
}

describe("cancelling an ingest job", { timeout: TEST_TIMEOUT_MS }, () => {
  it.each([
    ["while the service probes (nothing stored yet)", 5],
    ["after the poster and storyboard were stored", 90],
  ])("%s: the call is aborted, the asset goes back to uploaded and no thumbnail is left", async (_when, holdAt) => {
    const hold = holdIngestAt(holdAt);
    const projectId = uniqueProjectId("ingest-cancel");
    const uploaded = await uploadedVideo(projectId, "video.mp4");
    const percent = await hold.held;
    expect(percent).toBeGreaterThanOrEqual(holdAt);
    expect((await getAsset(projectId, uploaded.asset_id)).status).toBe("processing");
    if (holdAt === 90) expect((await thumbnailObjects(projectId, uploaded.asset_id)).keys).toHaveLength(3);

    const res = await postJson(`/projects/${projectId}/jobs/${uploaded.ingest_job_id}/cancel`, {});
    expect(res.status).toBe(200);
    const outcome = await hold.ended;
    expect(outcome).toBeInstanceOf(Error);
    expect((outcome as Error).message).toBe("Job cancelled");

    const job = await waitForJob(
      projectId,
      uploaded.ingest_job_id!,
      (j) => j.status === "cancelled",
      INGEST_TIMEOUT_MS,
    );
    expect(job.result).toBeNull();
    expect(await getAsset(projectId, uploaded.asset_id)).toMatchObject({
      status: "uploaded",
      metadata: null,
      error_message: null,
      links: { thumbnail: null },
    });
    expect(await thumbnailObjects(projectId, uploaded.asset_id)).toEqual({ keys: [], r2Keys: [] });
  });
});
