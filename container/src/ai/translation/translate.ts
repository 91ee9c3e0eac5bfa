import type { ChatUsage } from "../../protocol/chat-usage";
import { describeLanguage } from "../../protocol/language";
import type { TranslateResult, TranslationEvent } from "../../protocol/translate-contract";
import type { SubtitleSegment } from "../../subtitles/segment";
import { type AiLog, emptyChatUsage, requestStructuredAnswer } from "../chat-json";
import { AiError } from "../errors";
import type { OpenAIHandle } from "../openai-client";
import { Semaphore } from "../semaphore";
import { checkAnswer, planBatches, TranslationAnswerSchema, type TranslationBatch } from "./batches";
import { TRANSLATION_ANSWER_JSON_SCHEMA, TRANSLATION_PROMPTS, type TranslationPromptVersion } from "./prompt";

export interface TranslateInput {
  segments: readonly SubtitleSegment[];
  sourceLanguage?: string;
  targetLanguages: readonly string[];
  model: string;
  promptVersion: TranslationPromptVersion;
  batchSize: number;
  concurrency: number;
}

export interface TranslateHooks {
  progress(percent: number): unknown;
  log: AiLog;
  /** One language, complete, as the op's `translation` event. */
  translation(event: TranslationEvent): unknown;
}

function sumUsage(parts: readonly ChatUsage[]): ChatUsage {
  const total = emptyChatUsage();
  for (const part of parts) {
    total.total_tokens += part.total_tokens;
    total.prompt_tokens += part.prompt_tokens;
    total.completion_tokens += part.completion_tokens;
    total.requests += part.requests;
  }
  return total;
}

/** The error that started a failure, not the aborts it caused in the other batches. */
function firstFailure(reasons: unknown[]): unknown {
  return reasons.find((r) => !(r instanceof AiError && r.code === "ABORTED")) ?? reasons[0];
}

/**
 * Translates the segments into each target language in batches of consecutive lines, all batches of all
 * languages sharing `concurrency` request slots. Each language is reported as soon as its last batch is in;
 * the first batch that fails for good stops the rest.
 */
export async function translateTranscript(
  input: TranslateInput,
  deps: { openai: OpenAIHandle; signal?: AbortSignal },
  hooks: TranslateHooks,
): Promise<TranslateResult> {
  const log: AiLog = (level, message, details) => {
    Promise.resolve(hooks.log(level, message, details)).catch(() => {});
  };
  const controller = new AbortController();
  const signal = deps.signal ? AbortSignal.any([deps.signal, controller.signal]) : controller.signal;
  const batches = planBatches(
    input.segments.map((segment) => segment.text),
    input.batchSize,
  );
  const slots = new Semaphore(input.concurrency);
  const total = batches.length * input.targetLanguages.length;
  let done = 0;

  const translateBatch = async (language: string, batch: TranslationBatch) => {
    const usage = emptyChatUsage();
    const first = batch.lines[0]?.id ?? 0;
    const last = batch.lines.at(-1)?.id ?? 0;
    const prompt = TRANSLATION_PROMPTS[input.promptVersion]({
      sourceLanguage: input.sourceLanguage,
      targetLanguage: language,
      lines: batch.lines,
    });
    const { answer, requestId } = await requestStructuredAnswer(
      {
        model: input.model,
        system: prompt.system,
        user: prompt.user,
        temperature: 0,
        schemaName: "segment_translation",
        jsonSchema: TRANSLATION_ANSWER_JSON_SCHEMA,
        answerSchema: TranslationAnswerSchema,
        check: (value) => checkAnswer(batch, value),
        labels: {
          request: "Translation request",
          answer: "Translation answer",
          failure: `Translation to ${describeLanguage(language)} failed: batch ${batch.number} of ${batches.length} (segments ${first}-${last})`,
        },
        exhausted: (attempts, problem) => `the model gave no usable answer in ${attempts} attempts (${problem})`,
        usage,
        details: { language, batch: batch.number },
      },
      { openai: deps.openai, signal },
      log,
    );
    done++;
    Promise.resolve(hooks.progress(Math.floor((100 * done) / total))).catch(() => {});
    return { texts: answer.lines.map((line) => line.text.trim()), usage, requestId };
  };

  const translateLanguage = async (language: string) => {
    const parts = await Promise.all(batches.map((batch) => slots.run(() => translateBatch(language, batch))));
    const texts = parts.flatMap((part) => part.texts);
    const segments = input.segments.map(
      ({ confidence: _confidence, ...segment }, i): SubtitleSegment => ({
        ...segment,
        text: texts[i] as string,
        language,
      }),
    );
    const usage = sumUsage(parts.map((part) => part.usage));
    const requestIds = parts.map((part) => part.requestId).filter((id): id is string => Boolean(id));
    await hooks.translation({ type: "translation", language, segments, usage, request_ids: requestIds });
    log("info", `Translated into ${describeLanguage(language)}`, { language, batches: batches.length, ...usage });
    return { language, segment_count: segments.length, batches: batches.length, usage };
  };

  const running = input.targetLanguages.map((language) => {
    const task = translateLanguage(language);
    task.catch((error) => controller.abort(error));
    return task;
  });
  const settled = await Promise.allSettled(running);
  const failures = settled.filter((s): s is PromiseRejectedResult => s.status === "rejected").map((s) => s.reason);
  if (failures.length > 0) throw firstFailure(failures);
  const languages = settled.map((s) => (s as PromiseFulfilledResult<TranslateResult["languages"][number]>).value);
  return {
    languages,
    usage: sumUsage(languages.map((l) => l.usage)),
    model: input.model,
    prompt_version: input.promptVersion,
    generated_at: new Date().toISOString(),
  };
}
