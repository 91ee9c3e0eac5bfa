import { readFile } from "node:fs/promises";
import { z } from "zod";
import { openAIConfigFrom, toOpError } from "../ai/op-errors";
import { createOpenAIClient } from "../ai/openai-client";
import { detectScenes, type SceneDetectionResult } from "../ai/scenes/detect";
import { CURRENT_SCENE_PROMPT_VERSION, SCENE_PROMPT_VERSIONS } from "../ai/scenes/prompt";
import { defineOp, OpError } from "../operation";
import { MediaErrorCode } from "../protocol/contract";

/** Extra SubtitleSegment fields (index, duration, confidence, ...) are accepted and ignored. */
const TranscriptSegmentSchema = z.looseObject({
  start: z.number().min(0),
  end: z.number().min(0),
  text: z.string(),
});
const SegmentsSchema = z.array(TranscriptSegmentSchema).max(50_000);

export const ScenesOptionsSchema = z.object({
  /** The transcript inline; long transcripts come as the `transcript` input instead (the header line is capped at 64 KB). */
  segments: SegmentsSchema.optional(),
  duration: z.number().positive(),
  tone: z.string().max(200).optional(),
  criteria: z.string().max(2000).optional(),
  max_scenes: z.number().int().min(1).max(50).default(8),
  model: z.string().min(1).default("gpt-4o-mini"),
  prompt_version: z.enum(SCENE_PROMPT_VERSIONS).default(CURRENT_SCENE_PROMPT_VERSION),
});
export type ScenesOptions = z.infer<typeof ScenesOptionsSchema>;

/** Body of the optional `transcript` input (application/json). */
export const TranscriptInputSchema = z.object({ segments: SegmentsSchema });

/** `result.data` of POST /v1/scenes. */
export type ScenesResultData = SceneDetectionResult;

/**
 * POST /v1/scenes: transcript segments (header `segments` or input `transcript`) and duration in,
 * validated, snapped and ranked scenes out.
 */
export const scenesOp = defineOp({
  name: "scenes",
  optionsSchema: ScenesOptionsSchema,
  requiredInputs: [],
  optionalInputs: ["transcript"],
  async run({ options, inputs, signal, events, deps }): Promise<Record<string, unknown>> {
    let segments = options.segments;
    const file = inputs.transcript;
    if (file) {
      let parsed: z.ZodSafeParseResult<z.infer<typeof TranscriptInputSchema>>;
      try {
        parsed = TranscriptInputSchema.safeParse(JSON.parse(await readFile(file.path, "utf8")));
      } catch {
        throw new OpError(MediaErrorCode.invalidOptions, "The transcript input is not valid JSON", false);
      }
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new OpError(
          MediaErrorCode.invalidOptions,
          `transcript.${issue?.path.join(".")}: ${issue?.message}`,
          false,
        );
      }
      segments = parsed.data.segments;
    }
    if (!segments || (options.segments && file)) {
      throw new OpError(
        MediaErrorCode.invalidOptions,
        "Send the transcript either as header segments or as the transcript input",
        false,
      );
    }
    try {
      const openai = createOpenAIClient(openAIConfigFrom(deps.config));
      await events.progress(0);
      const result = await detectScenes(
        {
          segments,
          duration: options.duration,
          tone: options.tone,
          criteria: options.criteria,
          maxScenes: options.max_scenes,
          model: options.model,
          promptVersion: options.prompt_version,
        },
        { openai, signal },
        (level, message, details) => events.log(level, message, details),
      );
      const usage = { model: result.model, ...result.usage, request_id: result.request_id };
      deps.logger.info("openai_usage", { op: "scenes", prompt_version: result.prompt_version, ...usage });
      await events.log("info", "Scene detection usage", { ...usage, repairs: result.repairs });
      await events.progress(100);
      return { ...result };
    } catch (error) {
      throw toOpError(error);
    }
  },
});
