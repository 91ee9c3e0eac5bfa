import { describe, expect, it } from "vitest";
import { isReviewClipOf, reviewClipsOf } from "../../../worker/quizzes/review-clips";
import { ReviewClipListSchema } from "../../../worker/routes/quizzes/review-clips";
import { downloadAndProbe } from "../exports/export-kit";
import { mediaFixture } from "../media/fixtures";
import { ADMIN, api, clipState, db, frameAt, frameDistance, NO_CLIPS, runClipsJob, seedQuiz } from "./review-clips-kit";

// Each clip is a real render (8-40 s at 720p) on a shared 2-core machine.
const SLOW = 240_000;

const listClips = async (projectId: string, quizId: string) => {
  const res = await api(`/projects/${projectId}/quizzes/${quizId}/review-clips`, { headers: ADMIN });
  expect(res.status).toBe(200);
  return ReviewClipListSchema.parse(await res.json()).items;
};

describe("quiz_review_clips job: one clip per question, rendered through the export path", () => {
  it(
    "renders each question's padded, snapped window; its duration and first frame match the window",
    async () => {
      // Question 1: 13-16 padded by 2 is 11-18, snapped to 6-18. Question 2: 40.5-41 is 36-48.
      // Question 3 is a teacher's question without a moment: no clip.
      const { projectId, quizId, questionIds } = await seedQuiz([
        { start: 13, end: 16 },
        { start: 40.5, end: 41 },
        null,
      ]);
      const job = await runClipsJob(projectId, { quiz_id: quizId });
      expect(job.clips.map(({ question_id, start, end }) => ({ question_id, start, end }))).toEqual([
        { question_id: questionIds[0], start: 6, end: 18 },
        { question_id: questionIds[1], start: 36, end: 48 },
      ]);
      // The lesson's own subtitles are burned in: two 6 s sentences in each 12 s clip.
      const plans = job.logs.filter((entry) => entry.message === "Render planned");
      expect(plans.map((plan) => plan.details)).toEqual([
        expect.objectContaining({ clips: 1, subtitle_cues: 2 }),
        expect.objectContaining({ clips: 1, subtitle_cues: 2 }),
      ]);
      expect(job.logs.filter((entry) => entry.message.startsWith("Clip ")).map((entry) => entry.message)).toEqual([
        `Clip 1/2 stored (question ${questionIds[0]})`,
        `Clip 2/2 stored (question ${questionIds[1]})`,
      ]);

      const source = mediaFixture("lesson-clock.mp4");
      for (const clip of job.clips) {
        const { bytes, probe } = await downloadAndProbe(clip.download_path);
        expect(Math.abs(probe.duration - (clip.end - clip.start))).toBeLessThanOrEqual(0.1);
        const first = await frameAt(bytes, 0);
        // The source's colour drifts all the time: of its frames around the window's start, the start is closest.
        const offsets = [-2, -1, 0, 1, 2];
        const distances = [];
        for (const offset of offsets) distances.push(frameDistance(first, await frameAt(source, clip.start + offset)));
        expect(distances[2]).toBeLessThan(6);
        expect(distances.indexOf(Math.min(...distances)), JSON.stringify(distances)).toBe(2);
      }

      const listed = await listClips(projectId, quizId);
      expect(listed.map((c) => [c.question_id, c.asset_id, c.start, c.end, c.job_id])).toEqual(
        job.clips.map((c) => [c.question_id, c.asset_id, c.start, c.end, job.id]),
      );
      expect(listed[0]!.clip_url).toBe(`https://api.test/projects/${projectId}/exports/${listed[0]!.asset_id}/content`);
      const byQuestion = await reviewClipsOf(db(), quizId);
      expect(byQuestion.get(questionIds[1]!)).toEqual({
        asset_id: job.clips[1]!.asset_id,
        start: 36,
        end: 48,
        clip_url: `/projects/${projectId}/exports/${job.clips[1]!.asset_id}/content`,
      });
      expect(byQuestion.has(questionIds[2]!)).toBe(false);
      expect(await isReviewClipOf(db(), quizId, job.clips[0]!.asset_id)).toBe(true);
      expect(await isReviewClipOf(db(), crypto.randomUUID(), job.clips[0]!.asset_id)).toBe(false);
      expect(await isReviewClipOf(db(), quizId, crypto.randomUUID())).toBe(false);
      expect(await clipState(projectId)).toEqual({ rows: 2, assets: 2, exports: 2, thumbnails: 2 });
    },
    SLOW,
  );

  it(
    "regenerating replaces the clips: the new ones are linked, the old assets and files are gone",
    async () => {
      const { projectId, quizId, questionIds } = await seedQuiz([{ start: 13, end: 16 }]);
      const first = await runClipsJob(projectId, { quiz_id: quizId });
      const second = await runClipsJob(projectId, { quiz_id: quizId, padding_seconds: 0, subtitles: false });
      // 13-16 snaps to 12-18 (6 s), then grows to the segment ending at 24.
      expect(second.clips.map(({ start, end }) => [start, end])).toEqual([[12, 24]]);
      expect(second.result).toMatchObject({ replaced_asset_ids: [first.clips[0]!.asset_id] });
      expect(second.logs.find((entry) => entry.message === "Render planned")?.details).toMatchObject({
        subtitle_cues: 0,
      });
      const listed = await listClips(projectId, quizId);
      expect(listed.map((c) => [c.question_id, c.asset_id, c.job_id])).toEqual([
        [questionIds[0], second.clips[0]!.asset_id, second.id],
      ]);
      const old = await api(first.clips[0]!.download_path, { headers: ADMIN });
      expect(old.status).toBe(404);
      expect(await clipState(projectId)).toEqual({ rows: 1, assets: 1, exports: 1, thumbnails: 1 });
    },
    SLOW,
  );

  it(
    "deleting the quiz deletes its clips; deleting an export that is a clip unlinks it; deleting the video deletes them",
    async () => {
      const a = await seedQuiz([{ start: 13, end: 16 }]);
      await runClipsJob(a.projectId, { quiz_id: a.quizId });
      const deleted = await api(`/projects/${a.projectId}/quizzes/${a.quizId}`, { method: "DELETE", headers: ADMIN });
      expect(deleted.status).toBe(204);
      expect(await clipState(a.projectId)).toEqual(NO_CLIPS);

      const b = await seedQuiz([
        { start: 13, end: 16 },
        { start: 30, end: 33 },
      ]);
      const job = await runClipsJob(b.projectId, { quiz_id: b.quizId });
      const one = await api(job.clips[0]!.download_path.replace(/\/content$/, ""), {
        method: "DELETE",
        headers: ADMIN,
      });
      expect(one.status).toBe(204);
      expect((await listClips(b.projectId, b.quizId)).map((c) => c.question_id)).toEqual([b.questionIds[1]]);
      const video = await api(`/projects/${b.projectId}/videos/${b.video.id}`, { method: "DELETE", headers: ADMIN });
      expect(video.status).toBe(204);
      expect(await clipState(b.projectId)).toEqual(NO_CLIPS);
      const gone = await api(`/projects/${b.projectId}/quizzes/${b.quizId}/review-clips`, { headers: ADMIN });
      expect(gone.status).toBe(404);
    },
    SLOW,
  );
});
