import { openAIConfigFrom, toOpError } from "../ai/op-errors";
import { createOpenAIClient } from "../ai/openai-client";
import { runQuiz } from "../ai/quiz/run-quiz";
import { readTranscriptInput } from "../ai/transcript-input";
import { defineOp } from "../operation";
import { quizContract } from "../protocol/quiz-contract";
import { TranscriptInputSchema } from "../protocol/scenes-contract";

/**
 * POST /v1/quiz: input `transcript` and the request's parameters; questions generated per window, checked,
 * verified from their cited excerpts, and arranged with the seed. Progress and one log line per window stream
 * meanwhile; the whole quiz is the result, never a part of it.
 */
export const quizOp = defineOp({
  contract: quizContract,
  async run({ options, inputs, signal, events, deps }) {
    const { segments } = await readTranscriptInput(inputs.transcript!, TranscriptInputSchema);
    try {
      const openai = createOpenAIClient(openAIConfigFrom(deps.config));
      await events.progress(0);
      const result = await runQuiz(
        options,
        segments,
        { openai, signal },
        {
          // Events are fire-and-forget: a client that went away must not cause an unhandled rejection.
          progress: (percent) => void events.progress(percent).catch(() => {}),
          log: (level, message, details) => void events.log(level, message, details).catch(() => {}),
        },
      );
      const usage = { model: result.model, ...result.usage, request_id: result.request_id };
      deps.logger.info("openai_usage", { op: "quiz", prompt_version: result.prompt_version, ...usage });
      await events.log("info", "Quiz usage", {
        ...usage,
        counts: result.counts,
        rounds: result.rounds,
        timing: result.timing,
      });
      await events.progress(100);
      return result;
    } catch (error) {
      throw toOpError(error);
    }
  },
});
