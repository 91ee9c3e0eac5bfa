import { z } from "zod";
import { openAIConfigFrom, toOpError } from "../ai/op-errors";
import { createOpenAIClient } from "../ai/openai-client";
import { type TranscriptionResult, transcribeVideo } from "../ai/transcribe";
import { defineOp } from "../operation";

export const TranscribeOptionsSchema = z.object({
  model: z.string().min(1).default("whisper-1"),
  /** ISO-639-1 code; Whisper detects the language when it is absent. */
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, "language is an ISO-639-1 code such as en")
    .optional(),
  /** Vocabulary or style hint passed to every chunk. */
  prompt: z.string().max(2000).optional(),
  chunk_seconds: z.number().int().min(10).max(7200).default(600),
  sample_rate: z.number().int().min(8000).max(48000).default(16000),
  /** Chunks in flight at once; the default lets a one-hour lesson at 600 s chunks run entirely in parallel. */
  concurrency: z.number().int().min(1).max(16).default(8),
});
export type TranscribeOptions = z.infer<typeof TranscribeOptionsSchema>;

/** `result.data` of POST /v1/transcribe. */
export type TranscribeResultData = TranscriptionResult;

/**
 * POST /v1/transcribe: input `video`. Streams progress, `log` lines, one `segments` event per finished
 * chunk, then the merged transcript as the result.
 */
export const transcribeOp = defineOp({
  name: "transcribe",
  optionsSchema: TranscribeOptionsSchema,
  requiredInputs: ["video"],
  // Audio extraction reads the video front to back, so it can follow the upload instead of waiting for it.
  streamsInputs: true,
  async run({ options, inputs, workspace, signal, events, deps }): Promise<Record<string, unknown>> {
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
          segments: (event) => events.emit({ type: "segments", ...event }),
        },
      );
      const usage = { model: result.model, ...result.usage, request_ids: result.request_ids };
      deps.logger.info("openai_usage", { op: "transcribe", ...usage });
      await events.log("info", "Transcription usage", usage);
      await events.progress(100);
      return { ...result };
    } catch (error) {
      throw toOpError(error);
    }
  },
});
