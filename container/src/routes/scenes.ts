import { openAIConfigFrom, toOpError } from "../ai/op-errors";
import { createOpenAIClient } from "../ai/openai-client";
import { detectScenes } from "../ai/scenes/detect";
import { readTranscriptInput } from "../ai/transcript-input";
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
    const file = inputs.transcript;
    const segments = file ? (await readTranscriptInput(file, TranscriptInputSchema)).segments : options.segments;
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
          language: options.language,
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
