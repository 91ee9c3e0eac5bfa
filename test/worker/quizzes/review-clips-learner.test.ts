import { expect, it } from "vitest";
import { AttemptResultSchema, AttemptSchema } from "../../../worker/routes/learners/schema";
import { asLearner, json, mintLearnerToken, publish, startAttempt } from "../learners/learner-kit";
import { api, runClipsJob, seedQuiz } from "./review-clips-kit";

it("attempt results link each question's review clip, and the learner's token downloads it (Range, ?token=)", async () => {
  const { projectId, quizId, questionIds } = await seedQuiz([{ start: 13, end: 16 }, null]);
  const base = `/projects/${projectId}/quizzes/${quizId}`;
  const job = await runClipsJob(projectId, { quiz_id: quizId, subtitles: false });
  const clip = job.clips[0]!;
  await publish(base);
  const token = await mintLearnerToken(base, "learner-clips");
  const attempt = await startAttempt(token, base);
  const answered = await asLearner(
    token,
    `${base}/attempts/${attempt.attempt_id}/answers/${questionIds[0]}`,
    json("PUT", { option_ids: ["b"] }),
  );
  expect(answered.status).toBe(204);
  const submitted = await asLearner(token, `${base}/attempts/${attempt.attempt_id}/submit`, { method: "POST" });
  expect(submitted.status).toBe(200);
  const result = AttemptResultSchema.parse(await submitted.json());
  const clipUrl = `https://api.test/projects/${projectId}/exports/${clip.asset_id}/content`;
  // The evidence window is the review moment; the clip is its padded, snapped rendering.
  expect(result.results.map((r) => r.review)).toEqual([{ start: 13, end: 16, clip_url: clipUrl }, null]);
  const read = AttemptSchema.parse(await (await asLearner(token, `${base}/attempts/${attempt.attempt_id}`)).json());
  expect(read.result?.results[0]?.review?.clip_url).toBe(clipUrl);

  // A player cannot send headers: the token goes in the query, and seeking works.
  const path = `/projects/${projectId}/exports/${clip.asset_id}/content`;
  const ranged = await api(`${path}?token=${token}`, { headers: { Range: "bytes=0-99" } });
  expect(ranged.status).toBe(206);
  expect((await ranged.arrayBuffer()).byteLength).toBe(100);
  // Any other export of the project is not the learner's.
  const other = await asLearner(token, `/projects/${projectId}/exports/${crypto.randomUUID()}/content`);
  expect(other.status).toBe(403);
}, 240_000);
