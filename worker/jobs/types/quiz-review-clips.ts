import { z } from "zod";
import { getCurrentTranscript } from "../../ai/transcript-store";
import { ExportOutputs } from "../../exports/export-outputs";
import { TimelinePayloadSchema } from "../../exports/export-payload";
import { renderTimeline } from "../../exports/render-timeline";
import { resolveExportTimeline } from "../../exports/resolve-timeline";
import { loadQuiz } from "../../quizzes/quiz-store";
import { deleteReviewClips, type NewReviewClip, replaceReviewClips } from "../../quizzes/review-clips";
import { REVIEW_PADDING_DEFAULT, REVIEW_PADDING_MAX, reviewWindow } from "../../quizzes/review-window";
import { getProjectAsset } from "../../storage";
import { JobPayloadError, PermanentJobError } from "../handler";
import { defineJobType, type JobTypeScope } from "../job-type";

const QuizReviewClipsPayloadSchema = z.strictObject({
  quiz_id: z.string().uuid().describe("A quiz of this project with at least one question tied to the video"),
  padding_seconds: z
    .number()
    .finite()
    .min(0)
    .max(REVIEW_PADDING_MAX)
    .default(REVIEW_PADDING_DEFAULT)
    .describe("Seconds added before and after each question's evidence window"),
  subtitles: z.boolean().default(true).describe("Burn the lesson's own transcript into the clips"),
});
type QuizReviewClipsPayload = z.output<typeof QuizReviewClipsPayloadSchema>;

const QuizReviewClipsResultSchema = z.object({
  quiz_id: z.string(),
  clips: z.array(
    z.object({
      question_id: z.string(),
      asset_id: z.string().describe("The export asset holding the clip"),
      start: z.number().describe("Seconds on the lesson video's clock"),
      end: z.number(),
      duration: z.number().describe("Seconds of the rendered clip"),
      download_path: z.string(),
    }),
  ),
  replaced_asset_ids: z.array(z.string()).describe("The previous clips, deleted once these were stored"),
});

// Job progress: loading takes the first percent, storing the clips the last few.
const RENDER_FROM = 2;
const RENDER_TO = 97;

/** The quiz, its video and the questions that have a moment in it; JobPayloadError when there is nothing to cut. */
async function clipPlan(payload: QuizReviewClipsPayload, { db, projectId }: JobTypeScope) {
  const loaded = await loadQuiz(db, projectId, payload.quiz_id);
  if (!loaded) {
    throw new JobPayloadError(404, `No quiz ${payload.quiz_id} in this project`, [
      { path: "payload.quiz_id", message: "No such quiz in this project", code: "not_found" },
    ]);
  }
  const questions = loaded.questions.flatMap((q) => (q.evidence ? [{ id: q.id, evidence: q.evidence }] : []));
  if (questions.length === 0) {
    throw new JobPayloadError(422, `Quiz ${payload.quiz_id} has no questions with a moment in the video`, [
      { path: "payload.quiz_id", message: "The quiz has no questions with evidence", code: "no_questions" },
    ]);
  }
  const video = await getProjectAsset(db, projectId, loaded.quiz.assetId, "video");
  if (video?.status !== "ready" || video.durationSeconds === null) {
    throw new JobPayloadError(422, `The quiz's video ${loaded.quiz.assetId} is not ready`, [
      { path: "payload.quiz_id", message: "The quiz's video is missing or not ready", code: "not_ready" },
    ]);
  }
  return { quiz: loaded.quiz, questions, video, duration: video.durationSeconds };
}

/**
 * "Review this moment": for every question with evidence, a short clip of its moment in the lesson (see
 * review-window.ts), rendered through the export render path with the lesson's own subtitles burned in, stored
 * as an export asset linked to the question. Nothing is linked until every clip is stored; then the new clips
 * replace the previous ones. A failure or cancel removes every clip this job made.
 */
export const quizReviewClipsJob = defineJobType({
  type: "quiz_review_clips",
  payloadSchema: QuizReviewClipsPayloadSchema,
  async validate(payload, scope) {
    await clipPlan(payload, scope);
  },
  resultSchema: QuizReviewClipsResultSchema,
  async run(ctx) {
    const { db, bucket, logger } = ctx.services;
    const { projectId, id: jobId, payload } = ctx.job;
    const plan = await clipPlan(payload, { db, projectId }).catch((error: unknown) => {
      throw error instanceof JobPayloadError ? new PermanentJobError(error.message) : error;
    });
    const segments = (await getCurrentTranscript(db, projectId, plan.video.id))?.segments ?? [];
    const total = plan.questions.length;
    await ctx.progress(1, `Rendering ${total} review clips`);

    const made: ExportOutputs[] = [];
    const clips: (NewReviewClip & { duration: number })[] = [];
    try {
      for (const [i, question] of plan.questions.entries()) {
        const window = reviewWindow(question.evidence, segments, plan.duration, payload.padding_seconds);
        const timelinePayload = TimelinePayloadSchema.parse({
          timeline: {
            clips: [{ asset_id: plan.video.id, in_point: window.start, out_point: window.end }],
            global_subtitles: payload.subtitles,
          },
        });
        const { timeline, issues } = await resolveExportTimeline(db, projectId, timelinePayload);
        if (!timeline) throw new PermanentJobError(`Clip of question ${question.id}: ${issues[0]?.message}`);
        const outputs = new ExportOutputs({ db, bucket }, projectId);
        made.push(outputs);
        const from = Math.floor(RENDER_FROM + ((RENDER_TO - RENDER_FROM) * i) / total);
        const to = Math.floor(RENDER_FROM + ((RENDER_TO - RENDER_FROM) * (i + 1)) / total);
        const rendered = await renderTimeline(ctx, timeline, outputs, { from, to });
        const [asset] = await outputs.register(rendered.outputs, [plan.video.id]);
        if (!asset) throw new PermanentJobError(`The render of question ${question.id}'s clip sent no video`);
        clips.push({ questionId: question.id, assetId: asset.id, ...window, duration: rendered.duration });
        await ctx.progress(to, `Clip ${i + 1}/${total} stored (question ${question.id})`);
      }
      // A cancel that arrived while storing must not leave clips behind either.
      ctx.checkpoint();
      const replaced = await replaceReviewClips({ db, bucket }, { projectId, quizId: plan.quiz.id, jobId }, clips);
      if (!(await loadQuiz(db, projectId, plan.quiz.id))) {
        // The quiz was deleted while rendering: its delete could not see these clips yet.
        await deleteReviewClips({ db, bucket }, projectId, [plan.quiz.id]);
        throw new PermanentJobError(`Quiz ${plan.quiz.id} was deleted while its clips were rendering`);
      }
      return {
        quiz_id: plan.quiz.id,
        clips: clips.map((clip) => ({
          question_id: clip.questionId,
          asset_id: clip.assetId,
          start: clip.start,
          end: clip.end,
          duration: clip.duration,
          download_path: `/projects/${projectId}/exports/${clip.assetId}/content`,
        })),
        replaced_asset_ids: replaced,
      };
    } catch (error) {
      for (const outputs of made) {
        await outputs
          .discard()
          .catch((cleanup) => logger.error("review_clip_cleanup_failed", { error: String(cleanup) }));
      }
      throw error;
    }
  },
});
