/** The contract of POST /v1/chapters, shared by the service and the Worker. Runtime-neutral. */
import { z } from "zod";
import { CHAPTER_PROMPT_VERSIONS, CURRENT_CHAPTER_PROMPT_VERSION } from "../ai/chapters/prompt";
import { ChapterSchema, LessonSummarySchema } from "../ai/chapters/schema";
import { ChatUsageSchema } from "./chat-usage";
import { LanguageCodeSchema } from "./language";
import { defineOpContract } from "./op-contract";

export const ChaptersOptionsSchema = z.object({
  duration: z.number().positive(),
  /** The transcript's language (ISO 639-1): titles, summaries and key points are written in it. */
  language: LanguageCodeSchema.optional(),
  max_chapters: z.number().int().min(1).max(50).default(12),
  model: z.string().min(1).default("gpt-4o-mini"),
  prompt_version: z.enum(CHAPTER_PROMPT_VERSIONS).default(CURRENT_CHAPTER_PROMPT_VERSION),
});
export type ChaptersOptions = z.infer<typeof ChaptersOptionsSchema>;

/** What repair changed in the model's answer, counted per kind. */
export const ChapterRepairReportSchema = z.object({
  received: z.number().int().min(0),
  dropped_out_of_range: z.number().int().min(0),
  dropped_empty: z.number().int().min(0),
  clamped: z.number().int().min(0),
  overlaps: z.number().int().min(0),
  gaps: z.number().int().min(0),
  snapped: z.number().int().min(0),
  merged: z.number().int().min(0),
  truncated: z.number().int().min(0),
});
export type ChapterRepairReport = z.infer<typeof ChapterRepairReportSchema>;

export const ChaptersResultSchema = z.object({
  chapters: z.array(ChapterSchema),
  summary: LessonSummarySchema,
  usage: ChatUsageSchema,
  model: z.string(),
  prompt_version: z.enum(CHAPTER_PROMPT_VERSIONS),
  request_id: z.string().nullable(),
  generated_at: z.string(),
  repairs: ChapterRepairReportSchema,
});
export type ChaptersResult = z.infer<typeof ChaptersResultSchema>;

/**
 * Input `transcript` ({segments}, the scenes op's format) and duration in; chapters covering [0, duration]
 * on segment starts, and a summary of the lesson, out.
 */
export const chaptersContract = defineOpContract({
  name: "chapters",
  optionsSchema: ChaptersOptionsSchema,
  requiredInputs: ["transcript"],
  optionalInputs: [],
  events: {},
  resultSchema: ChaptersResultSchema,
});
