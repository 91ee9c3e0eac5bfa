import type { ChaptersResult } from "../../protocol/chapters-contract";
import { type AiLog, emptyChatUsage, requestStructuredAnswer } from "../chat-json";
import type { OpenAIHandle } from "../openai-client";
import { CHAPTER_PROMPTS, type ChapterPromptVersion } from "./prompt";
import { repairChapters } from "./repair";
import { CHAPTER_ANSWER_JSON_SCHEMA, ModelChapterAnswerSchema } from "./schema";

export interface DetectChaptersInput {
  segments: readonly { start: number; end: number; text: string }[];
  duration: number;
  language?: string;
  maxChapters: number;
  model: string;
  promptVersion: ChapterPromptVersion;
}

/** Chapters and a lesson summary from one strict-JSON chat request, repaired to cover the lesson. */
export async function detectChapters(
  input: DetectChaptersInput,
  deps: { openai: OpenAIHandle; signal?: AbortSignal },
  emitLog: AiLog,
): Promise<ChaptersResult> {
  const log: AiLog = (level, message, details) => {
    Promise.resolve(emitLog(level, message, details)).catch(() => {});
  };
  const usage = emptyChatUsage();
  const base = { model: input.model, prompt_version: input.promptVersion };
  const spoken = input.segments.filter((s) => s.text.trim()).sort((a, b) => a.start - b.start);
  if (spoken.length === 0) {
    // Nothing was said: no chapters to find and nothing to summarise, so no request either.
    const { report } = repairChapters([], { ...input, segments: [], fallback: { title: "", summary: "" } });
    return {
      ...base,
      chapters: [],
      summary: { title: "", abstract: "", key_points: [] },
      usage,
      request_id: null,
      generated_at: new Date().toISOString(),
      repairs: report,
    };
  }
  const prompt = CHAPTER_PROMPTS[input.promptVersion]({ ...input, segments: spoken });
  const { answer, requestId } = await requestStructuredAnswer(
    {
      model: input.model,
      system: prompt.system,
      user: prompt.user,
      temperature: 0.2,
      schemaName: "lesson_chapters",
      jsonSchema: CHAPTER_ANSWER_JSON_SCHEMA,
      answerSchema: ModelChapterAnswerSchema,
      labels: { request: "Chapter request", answer: "Chapter answer", failure: "Chapter detection failed" },
      usage,
    },
    deps,
    log,
  );
  const summary = {
    title: answer.summary.title.trim(),
    abstract: answer.summary.abstract.trim(),
    key_points: answer.summary.key_points.map((point) => point.trim()).filter(Boolean),
  };
  const { chapters, report } = repairChapters(answer.chapters, {
    duration: input.duration,
    maxChapters: input.maxChapters,
    segments: spoken,
    fallback: { title: summary.title, summary: summary.abstract },
  });
  return {
    ...base,
    chapters,
    summary,
    usage,
    request_id: requestId,
    generated_at: new Date().toISOString(),
    repairs: report,
  };
}
