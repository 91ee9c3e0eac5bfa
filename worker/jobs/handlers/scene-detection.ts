import { CURRENT_SCENE_PROMPT_VERSION } from "../../../container/src/ai/scenes/prompt";
import { requireOpenAIKey, toAiJobError } from "../../ai/ai-job-errors";
import { SceneResultSchema } from "../../ai/results";
import {
  findSceneRun,
  type SceneParameters,
  type StoredSceneRun,
  saveSceneRun,
  sceneCacheKey,
} from "../../ai/scene-store";
import { getCurrentTranscript } from "../../ai/transcript-store";
import { getProjectAsset } from "../../storage";
import { defineJobHandler, type JobLogLevel, PermanentJobError } from "../handler";
import { sceneDetectionPayload } from "../payloads/scene-detection";

function summary(run: StoredSceneRun, cached: boolean) {
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
export const sceneDetectionJob = defineJobHandler({
  spec: sceneDetectionPayload,
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

    // The transcript goes as an input file: an hour of segments is far over the 64 KB header line.
    const transcriptJson = new TextEncoder().encode(JSON.stringify({ segments: transcript.segments }));
    // Scenes are bounded by the video; the transcript's audio length stands in until ingest has probed it.
    const duration = asset.durationSeconds && asset.durationSeconds > 0 ? asset.durationSeconds : transcript.duration;
    let data: Record<string, unknown>;
    try {
      data = await media.call("scenes", {
        options: {
          duration,
          tone: params.tone ?? undefined,
          criteria: params.criteria ?? undefined,
          max_scenes: params.maxScenes,
          model: params.model,
          prompt_version: params.promptVersion,
        },
        inputs: [{ name: "transcript", size: transcriptJson.byteLength, body: new Blob([transcriptJson]).stream() }],
        signal: ctx.signal,
        onProgress: (percent) => ctx.progress(Math.floor(percent * 0.95)),
        onLog: async (event) => {
          if (event.level !== "debug") await ctx.log(event.level as JobLogLevel, event.message, event.details);
        },
      });
    } catch (error) {
      throw toAiJobError(error, apiKey, "Scene detection");
    }
    const parsed = SceneResultSchema.safeParse(data);
    if (!parsed.success) throw new PermanentJobError("The media service sent a malformed scene detection result");
    ctx.checkpoint();
    if (!(await getProjectAsset(db, ctx.job.projectId, assetId, "video"))) {
      throw new PermanentJobError(`Video ${assetId} was deleted during scene detection`);
    }
    const stored = await saveSceneRun(db, {
      projectId: ctx.job.projectId,
      assetId,
      cacheKey,
      params,
      result: parsed.data,
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
