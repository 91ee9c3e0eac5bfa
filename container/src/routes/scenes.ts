import { readFile } from "node:fs/promises";
import type { z } from "zod";
import { openAIConfigFrom, toOpError } from "../ai/op-errors";
import { createOpenAIClient } from "../ai/openai-client";
import { detectScenes } from "../ai/scenes/detect";
import { defineOp, OpError } from "../operation";
import { MediaErrorCode } from "../protocol/contract";
import { scenesContract, TranscriptInputSchema } from "../protocol/scenes-contract";

/**
 * POST /v1/scenes: transcript segments (header `segments` or input `transcript`) and duration in,
 * validated, snapped and ranked scenes out.
 */
export const scenesOp = defineOp({
  contract: scenesContract,
  async run({ options, inputs, signal, events, deps }) {
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
      return result;
    } catch (error) {
      throw toOpError(error);
    }
  },
});
