import { z } from "zod";
import { CURRENT_QUIZ_PROMPT_VERSION } from "../../../container/src/ai/quiz/prompt";
import { QuizCountsSchema, type QuizResult, QuizUsageSchema } from "../../../container/src/protocol/quiz-contract";
import type { TranscriptInput } from "../../../container/src/protocol/scenes-contract";
import { requireOpenAIKey, toAiJobError } from "../../ai/ai-job-errors";
import { jobLogRelay, lessonDuration, transcriptInput } from "../../ai/lesson-input";
import { transcribeAsset } from "../../ai/transcribe-asset";
import { getCurrentTranscript } from "../../ai/transcript-store";
import { quizCacheKey } from "../../quizzes/quiz-parameters";
import type { StoredQuiz } from "../../quizzes/quiz-records";
import { hasSpeech, QuizGenerationPayloadSchema, resolveParameters, resolveRange } from "../../quizzes/quiz-request";
import { findCachedQuiz, saveGeneratedQuiz } from "../../quizzes/quiz-store";
import { getProjectAsset } from "../../storage";
import { requireAssetInProject } from "../asset-in-project";
import { JobPayloadError, PermanentJobError } from "../handler";
import { defineJobType } from "../job-type";

const QuizGenerationResultSchema = z.object({
  quiz_id: z.string(),
  asset_id: z.string(),
  transcript_id: z.string(),
  cached: z.boolean().describe("True when an identical request's quiz answered without calling OpenAI"),
  transcript_cached: z.boolean().describe("False when this job transcribed the video first"),
  title: z.string(),
  language: z.string(),
  counts: QuizCountsSchema,
  model: z.string(),
  prompt_version: z.string(),
  usage: QuizUsageSchema,
  created_at: z.string(),
});

/** Job progress: transcription (when needed) up to here, generation after it, storing the quiz last. */
const TRANSCRIPTION_SHARE = 50;
const GENERATION_END = 95;

function summary(quiz: StoredQuiz, cached: boolean, transcriptCached: boolean) {
  return {
    quiz_id: quiz.id,
    asset_id: quiz.assetId,
    transcript_id: quiz.transcriptId,
    cached,
    transcript_cached: transcriptCached,
    title: quiz.title,
    language: quiz.language,
    counts: quiz.counts,
    model: quiz.model,
    prompt_version: quiz.promptVersion,
    usage: quiz.usage,
    created_at: quiz.createdAt,
  };
}

const titleOf = (filename: string) => `Quiz: ${filename.replace(/\.[^.]+$/, "") || filename}`;

/**
 * A quiz from a lesson video: its transcript (made first through the transcription path when missing), then the
 * media service's `quiz` op (windows, checks, answerability), stored in D1 only once it is whole. Identical
 * requests on the same transcript are answered with the stored quiz.
 */
export const quizGenerationJob = defineJobType({
  type: "quiz_generation",
  payloadSchema: QuizGenerationPayloadSchema,
  assetId: (payload) => payload.asset_id,
  async validate(payload, { db, projectId }) {
    await requireAssetInProject(db, projectId, payload.asset_id);
    const video = await getProjectAsset(db, projectId, payload.asset_id, "video");
    if (!video) {
      throw new JobPayloadError(422, `Asset ${payload.asset_id} is not a video`, [
        { path: "payload.asset_id", message: "Quizzes are made from videos", code: "not_a_video" },
      ]);
    }
    const resolved = await resolveRange(db, payload, await getCurrentTranscript(db, projectId, payload.asset_id));
    if ("problem" in resolved) {
      throw new JobPayloadError(422, resolved.problem, [
        { path: resolved.path, message: resolved.problem, code: "invalid" },
      ]);
    }
  },
  resultSchema: QuizGenerationResultSchema,
  // The quiz summary (the result) is the event's data; GET …/quizzes/{quiz_id} has the questions.
  events: { completed: { type: "quiz.ready" } },
  async run(ctx) {
    const { db, settings, media, logger } = ctx.services;
    const payload = ctx.job.payload;
    const apiKey = requireOpenAIKey(settings);
    const asset = await getProjectAsset(db, ctx.job.projectId, payload.asset_id, "video");
    if (!asset) throw new PermanentJobError(`Video ${payload.asset_id} not found in project ${ctx.job.projectId}`);

    let transcript = await getCurrentTranscript(db, ctx.job.projectId, asset.id);
    const transcriptCached = transcript !== null;
    if (!transcript) {
      await ctx.log("info", "Phase 1 of 2: the video has no transcript yet, transcribing it first");
      ({ transcript } = await transcribeAsset(ctx, { asset, progressTo: TRANSCRIPTION_SHARE, apiKey }));
      await ctx.progress(TRANSCRIPTION_SHARE, `Transcript stored (${transcript.segments.length} segments)`);
    }
    if (!hasSpeech(transcript, null)) {
      throw new PermanentJobError(`Video ${asset.id} has no speech to make a quiz from: its transcript is empty`);
    }
    const resolved = await resolveRange(db, payload, transcript);
    if ("problem" in resolved) throw new PermanentJobError(resolved.problem);
    if (!hasSpeech(transcript, resolved.range)) {
      const { start, end } = resolved.range!;
      throw new PermanentJobError(
        `Nothing is said between ${start} and ${end} s of video ${asset.id}, so there is nothing to ask about`,
      );
    }
    const parameters = resolveParameters(payload, transcript, resolved.range);
    const model = settings.OPENAI_QUIZ_MODEL;
    const cacheKey = await quizCacheKey({
      transcriptId: transcript.id,
      parameters,
      model,
      promptVersion: CURRENT_QUIZ_PROMPT_VERSION,
    });
    if (!payload.force) {
      const cached = await findCachedQuiz(db, ctx.job.projectId, cacheKey);
      if (cached) {
        await ctx.log("info", "A quiz for this request exists; returning it without calling OpenAI", {
          quiz_id: cached.id,
        });
        logger.info("ai_usage", { op: "quiz", asset_id: asset.id, cached: true, model: cached.model });
        return summary(cached, true, transcriptCached);
      }
    }

    const base = transcriptCached ? 0 : TRANSCRIPTION_SHARE;
    await ctx.log(
      "info",
      `Phase ${transcriptCached ? "1 of 1" : "2 of 2"}: generating ${parameters.num_questions} questions`,
    );
    let result: QuizResult;
    try {
      result = await media.call("quiz", {
        options: {
          duration: lessonDuration(asset, transcript),
          num_questions: parameters.num_questions,
          question_types: parameters.question_types,
          difficulty: parameters.difficulty,
          language: parameters.language,
          transcript_language: transcript.language,
          focus: parameters.focus ?? undefined,
          audience: parameters.audience ?? undefined,
          range: parameters.range,
          verify: parameters.verify,
          seed: crypto.getRandomValues(new Uint32Array(1))[0]!,
          model,
          prompt_version: CURRENT_QUIZ_PROMPT_VERSION,
        },
        inputs: [transcriptInput({ segments: transcript.segments } satisfies TranscriptInput)],
        signal: ctx.signal,
        onProgress: (percent) => ctx.progress(base + Math.floor(((GENERATION_END - base) * percent) / 100)),
        onLog: jobLogRelay(ctx),
      });
    } catch (error) {
      throw toAiJobError(error, apiKey, "Quiz generation");
    }
    ctx.checkpoint();
    if (!(await getProjectAsset(db, ctx.job.projectId, asset.id, "video"))) {
      throw new PermanentJobError(`Video ${asset.id} was deleted while its quiz was being generated`);
    }
    const quiz = await saveGeneratedQuiz(db, {
      projectId: ctx.job.projectId,
      assetId: asset.id,
      transcriptId: transcript.id,
      jobId: ctx.job.id,
      cacheKey,
      title: titleOf(asset.originalFilename),
      parameters,
      result,
      force: payload.force === true,
    });
    logger.info("ai_usage", {
      op: "quiz",
      asset_id: asset.id,
      quiz_id: quiz.id,
      cached: false,
      model: result.model,
      prompt_version: result.prompt_version,
      ...result.usage,
      request_id: result.request_id,
    });
    return summary(quiz, false, transcriptCached);
  },
});
