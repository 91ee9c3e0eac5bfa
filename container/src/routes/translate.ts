import { openAIConfigFrom, toOpError } from "../ai/op-errors";
import { createOpenAIClient } from "../ai/openai-client";
import { readTranscriptInput } from "../ai/transcript-input";
import { translateTranscript } from "../ai/translation/translate";
import { defineOp } from "../operation";
import { TranslateInputSchema, translateContract } from "../protocol/translate-contract";

/**
 * POST /v1/translate: input `transcript` ({segments}); one `translation` event per finished target language,
 * then the usage summary.
 */
export const translateOp = defineOp({
  contract: translateContract,
  async run({ options, inputs, signal, events, emit, deps }) {
    const { segments } = await readTranscriptInput(inputs.transcript!, TranslateInputSchema);
    try {
      const openai = createOpenAIClient(openAIConfigFrom(deps.config));
      await events.progress(0);
      const result = await translateTranscript(
        {
          segments,
          sourceLanguage: options.source_language,
          targetLanguages: options.target_languages,
          model: options.model,
          promptVersion: options.prompt_version,
          batchSize: options.batch_size,
          concurrency: options.concurrency,
        },
        { openai, signal },
        {
          progress: (percent) => events.progress(percent),
          log: (level, message, details) => events.log(level, message, details),
          translation: (event) => emit(event),
        },
      );
      deps.logger.info("openai_usage", { op: "translate", model: result.model, ...result.usage });
      await events.log("info", "Translation usage", { model: result.model, ...result.usage });
      await events.progress(100);
      return result;
    } catch (error) {
      throw toOpError(error);
    }
  },
});
