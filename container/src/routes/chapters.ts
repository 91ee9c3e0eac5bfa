import { detectChapters } from "../ai/chapters/detect";
import { openAIConfigFrom, toOpError } from "../ai/op-errors";
import { createOpenAIClient } from "../ai/openai-client";
import { readTranscriptInput } from "../ai/transcript-input";
import { defineOp } from "../operation";
import { chaptersContract } from "../protocol/chapters-contract";
import { TranscriptInputSchema } from "../protocol/scenes-contract";

/** POST /v1/chapters: input `transcript` and the duration in; repaired chapters and a lesson summary out. */
export const chaptersOp = defineOp({
  contract: chaptersContract,
  async run({ options, inputs, signal, events, deps }) {
    const { segments } = await readTranscriptInput(inputs.transcript!, TranscriptInputSchema);
    try {
      const openai = createOpenAIClient(openAIConfigFrom(deps.config));
      await events.progress(0);
      const result = await detectChapters(
        {
          segments,
          duration: options.duration,
          language: options.language,
          maxChapters: options.max_chapters,
          model: options.model,
          promptVersion: options.prompt_version,
        },
        { openai, signal },
        (level, message, details) => events.log(level, message, details),
      );
      const usage = { model: result.model, ...result.usage, request_id: result.request_id };
      deps.logger.info("openai_usage", { op: "chapters", prompt_version: result.prompt_version, ...usage });
      await events.log("info", "Chapter detection usage", { ...usage, repairs: result.repairs });
      await events.progress(100);
      return result;
    } catch (error) {
      throw toOpError(error);
    }
  },
});
