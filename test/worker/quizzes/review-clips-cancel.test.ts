import { env } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { JobSchema } from "../../../worker/routes/jobs/schema";
import { waitForFinish } from "../exports/export-kit";
import { mediaFixture } from "../media/fixtures";
import { ADMIN, api, clipState, NO_CLIPS, postClipsJob, runClipsJob, seedQuiz } from "./review-clips-kit";

const listAssetIds = async (projectId: string, quizId: string) => {
  const res = await api(`/projects/${projectId}/quizzes/${quizId}/review-clips`, { headers: ADMIN });
  return ((await res.json()) as { items: { asset_id: string }[] }).items.map((item) => item.asset_id);
};

describe("quiz_review_clips job: cancel and failure remove what the job made", () => {
  it("cancelling after the first clip was stored removes the new clips and keeps the previous ones", async () => {
    const { projectId, quizId } = await seedQuiz([
      { start: 2, end: 4 },
      { start: 20, end: 22 },
      { start: 40, end: 42 },
    ]);
    const previous = await runClipsJob(projectId, { quiz_id: quizId, subtitles: false });
    const before = await clipState(projectId);
    expect(before).toEqual({ rows: 3, assets: 3, exports: 3, thumbnails: 3 });

    const res = await postClipsJob(projectId, { quiz_id: quizId });
    expect(res.status).toBe(202);
    const { id } = JobSchema.parse(await res.json());
    await vi.waitFor(
      async () => {
        if ((await clipState(projectId)).assets <= 3) throw new Error("no new clip stored yet");
      },
      { timeout: 120_000, interval: 50 },
    );
    const cancel = await api(`/projects/${projectId}/jobs/${id}/cancel`, { method: "POST", headers: ADMIN });
    expect(cancel.status).toBe(200);
    expect((await waitForFinish(projectId, id, 120_000)).status).toBe("cancelled");
    await vi.waitFor(async () => expect(await clipState(projectId)).toEqual(before), { timeout: 30_000 });
    expect(await listAssetIds(projectId, quizId)).toEqual(previous.clips.map((clip) => clip.asset_id));
  }, 300_000);

  it("deleting the quiz while its clips render fails the job and leaves no clip behind", async () => {
    const { projectId, quizId } = await seedQuiz([
      { start: 2, end: 4 },
      { start: 40, end: 42 },
    ]);
    const res = await postClipsJob(projectId, { quiz_id: quizId, subtitles: false });
    const { id } = JobSchema.parse(await res.json());
    await vi.waitFor(
      async () => {
        if ((await clipState(projectId)).assets === 0) throw new Error("no clip stored yet");
      },
      { timeout: 120_000, interval: 50 },
    );
    const deleted = await api(`/projects/${projectId}/quizzes/${quizId}`, { method: "DELETE", headers: ADMIN });
    expect(deleted.status).toBe(204);
    const job = await waitForFinish(projectId, id, 120_000);
    expect(job.status).toBe("failed");
    expect(job.error_message).toContain("was deleted while its clips were rendering");
    expect(await clipState(projectId)).toEqual(NO_CLIPS);
  }, 300_000);

  it("a video that is no longer decodable fails the job permanently and stores nothing", async () => {
    const { projectId, quizId, video } = await seedQuiz([{ start: 13, end: 16 }]);
    await env.BUCKET.put(video.r2Key, mediaFixture("not-media.mp4"));
    const res = await postClipsJob(projectId, { quiz_id: quizId }, { max_attempts: 3 });
    const job = await waitForFinish(projectId, JobSchema.parse(await res.json()).id);
    expect(job.status).toBe("failed");
    expect(job.attempts).toBe(1);
    expect(await clipState(projectId)).toEqual(NO_CLIPS);
  }, 60_000);
});
