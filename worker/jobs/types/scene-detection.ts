import { z } from "zod";
import { CURRENT_SCENE_PROMPT_VERSION } from "../../../container/src/ai/scenes/prompt";
import {
  type ScenesResult,
  SceneUsageSchema,
  type TranscriptInput,
} from "../../../container/src/protocol/scenes-contract";
import { requireOpenAIKey, toAiJobError } from "../../ai/ai-job-errors";
import { jobLogRelay, lessonDuration, transcriptInput } from "../../ai/lesson-input";
import {
  findSceneRun,
  type SceneParameters,
  type StoredSceneRun,
  saveSceneRun,
  sceneCacheKey,
} from "../../ai/scene-store";
import { getCurrentTranscript } from "../../ai/transcript-store";
import { getProjectAsset } from "../../storage";
import { AssetIdSchema, assetInProject } from "../asset-in-project";
import { PermanentJobError } from "../handler";
import { defineJobType } from "../job-type";

const SceneDetectionPayloadSchema = z.strictObject({
  asset_id: AssetIdSchema.describe("The transcribed asset to find highlight scenes in"),
  tone: z.string().trim().min(1).max(200).optional().describe("Desired tone of the highlights, e.g. 'energetic'"),
  criteria: z.string().trim().min(1).max(2000).optional().describe("What makes a scene worth keeping"),
  max_scenes: z.number().int().min(1).max(50).optional().describe("Upper bound on returned scenes"),
  force: z.boolean().optional().describe("Ask GPT again even if a cached run matches"),
});

const SceneDetectionResultSchema = z.object({
  scene_run_id: z.string(),
  asset_id: z.string(),
  transcript_id: z.string(),
  cached: z.boolean().describe("True when a stored run with the same parameters answered without calling OpenAI"),
  scene_count: z.number().int(),
  parameters: z.object({ tone: z.string().nullable(), criteria: z.string().nullable(), max_scenes: z.number().int() }),
  model: z.string(),
  prompt_version: z.string(),
  request_id: z.string(),
  usage: SceneUsageSchema,
  generated_at: z.string(),
});

function summary(run: StoredSceneRun, cached: boolean): z.input<typeof SceneDetectionResultSchema> {
  return {
    scene_run_id: run.id,
    asset_id: run.assetId,
    transcript_id: run.transcriptId,
    cached,
    scene_count: run.scenes.length,
    parameters: { tone: run.tone, criteria: run.criteria, max_scenes: run.maxScenes },
    model: run.model,
    prompt_version: run.promptVersion,
    request_id: run.requestId,
    usage: run.usage,
    generated_at: run.generatedAt,
  };
}

/**
 * Finds highlight scenes in a transcribed video with GPT through the media service's `scenes` op. Runs are
 * cached per (transcript, tone, criteria, max_scenes, model, prompt version); a repeat is answered from D1.
 */
export const sceneDetectionJob = defineJobType({
  type: "scene_detection",
  payloadSchema: SceneDetectionPayloadSchema,
  ...assetInProject,
  resultSchema: SceneDetectionResultSchema,
  // Its data is the job's result: the scene run's summary (GET .../ai/scenes has the scenes).
  events: { completed: { type: "scenes.ready" } },
  async run(ctx) {
    const { db, settings, media, logger } = ctx.services;
    const { asset_id: assetId, force } = ctx.job.payload;
    const apiKey = requireOpenAIKey(settings);
    const asset = await getProjectAsset(db, ctx.job.projectId, assetId, "video");
    if (!asset) throw new PermanentJobError(`Video ${assetId} not found in project ${ctx.job.projectId}`);
    const transcript = await getCurrentTranscript(db, ctx.job.projectId, assetId);
    if (!transcript) {
      throw new PermanentJobError(
        `Video ${assetId} has no transcript yet: run a transcription job first, then scene detection`,
      );
    }

    const params: SceneParameters = {
      transcriptId: transcript.id,
      tone: ctx.job.payload.tone ?? null,
      criteria: ctx.job.payload.criteria ?? null,
      maxScenes: ctx.job.payload.max_scenes ?? settings.OPENAI_SCENE_MAX_SCENES,
      model: settings.OPENAI_SCENE_MODEL,
      promptVersion: CURRENT_SCENE_PROMPT_VERSION,
    };
    const cacheKey = await sceneCacheKey(params);
    if (!force) {
      const cached = await findSceneRun(db, ctx.job.projectId, cacheKey);
      if (cached) {
        await ctx.log("info", "A scene run with these parameters exists; returning it without calling OpenAI", {
          scene_run_id: cached.id,
        });
        logger.info("ai_usage", { op: "scenes", asset_id: assetId, cached: true, model: cached.model });
        return summary(cached, true);
      }
    }

    let result: ScenesResult;
    try {
      result = await media.call("scenes", {
        options: {
          // Scenes are bounded by the lesson.
          duration: lessonDuration(asset, transcript),
          tone: params.tone ?? undefined,
          criteria: params.criteria ?? undefined,
          language: transcript.language ?? undefined,
          max_scenes: params.maxScenes,
          model: params.model,
          prompt_version: CURRENT_SCENE_PROMPT_VERSION,
        },
        inputs: [transcriptInput({ segments: transcript.segments } satisfies TranscriptInput)],
        signal: ctx.signal,
        onProgress: (percent) => ctx.progress(Math.floor(percent * 0.95)),
        onLog: jobLogRelay(ctx),
      });
    } catch (error) {
      throw toAiJobError(error, apiKey, "Scene detection");
    }
    ctx.checkpoint();
    if (!(await getProjectAsset(db, ctx.job.projectId, assetId, "video"))) {
      throw new PermanentJobError(`Video ${assetId} was deleted during scene detection`);
    }
    const stored = await saveSceneRun(db, {
      projectId: ctx.job.projectId,
      assetId,
      cacheKey,
      params,
      result,
    });
    logger.info("ai_usage", {
      op: "scenes",
      asset_id: assetId,
      scene_run_id: stored.id,
      cached: false,
      model: stored.model,
      prompt_version: stored.promptVersion,
      ...stored.usage,
      request_id: stored.requestId,
    });
    return summary(stored, false);
  },
});
