import { openAIConfigFrom, toOpError } from "../ai/op-errors";
import { createOpenAIClient } from "../ai/openai-client";
import { transcribeVideo } from "../ai/transcribe";
import { defineOp } from "../operation";
import { transcribeContract } from "../protocol/transcribe-contract";

/**
 * POST /v1/transcribe: input `video`. Streams progress, `log` lines, one `segments` event per finished
 * chunk, then the merged transcript as the result.
 */
export const transcribeOp = defineOp({
  contract: transcribeContract,
  // Audio extraction reads the video front to back, so it can follow the upload instead of waiting for it.
  streamsInputs: true,
  async run({ options, inputs, workspace, signal, events, emit, deps }) {
    try {
      const openai = createOpenAIClient(openAIConfigFrom(deps.config));
      await events.progress(0);
      const result = await transcribeVideo(
        inputs.video!.source,
        {
          model: options.model,
          language: options.language,
          prompt: options.prompt,
          chunkSeconds: options.chunk_seconds,
          sampleRate: options.sample_rate,
          concurrency: options.concurrency,
        },
        { bins: deps.ffmpeg, threads: deps.config.FFMPEG_THREADS, openai, workDir: workspace.dir, signal },
        {
          progress: (percent) => events.progress(percent),
          log: (level, message, details) => events.log(level, message, details),
          segments: (event) => emit(event),
        },
      );
      const usage = { model: result.model, ...result.usage, request_ids: result.request_ids };
      deps.logger.info("openai_usage", { op: "transcribe", ...usage });
      await events.log("info", "Transcription usage", usage);
      await events.progress(100);
      return result;
    } catch (error) {
      throw toOpError(error);
    }
  },
});
