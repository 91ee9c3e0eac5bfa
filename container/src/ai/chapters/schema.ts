import { z } from "zod";

/** What the model must answer. Types only: ranges, order and coverage are repaired in repair.ts. */
export const ModelChapterSchema = z.object({
  title: z.string(),
  summary: z.string(),
  start: z.number(),
  end: z.number(),
});
export const LessonSummarySchema = z.object({
  title: z.string(),
  abstract: z.string(),
  key_points: z.array(z.string()),
});
export const ModelChapterAnswerSchema = z.object({
  summary: LessonSummarySchema,
  chapters: z.array(ModelChapterSchema),
});
export type ModelChapter = z.infer<typeof ModelChapterSchema>;
export type LessonSummary = z.infer<typeof LessonSummarySchema>;

/** The same shape as a strict JSON Schema for `response_format` (every property required, nothing else). */
export const CHAPTER_ANSWER_JSON_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["summary", "chapters"],
  properties: {
    summary: {
      type: "object",
      additionalProperties: false,
      required: ["title", "abstract", "key_points"],
      properties: {
        title: { type: "string", description: "Title of the whole lesson" },
        abstract: { type: "string", description: "Two to four sentences on what the lesson teaches" },
        key_points: { type: "array", items: { type: "string" }, description: "Three to seven key points" },
      },
    },
    chapters: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["title", "summary", "start", "end"],
        properties: {
          title: { type: "string", description: "Short chapter title" },
          summary: { type: "string", description: "One or two sentences on the chapter" },
          start: { type: "number", description: "Start in seconds from the start of the video" },
          end: { type: "number", description: "End in seconds from the start of the video" },
        },
      },
    },
  },
} as const;

/** A chapter as the service returns it: consecutive, covering [0, duration], starting on segment starts. */
export const ChapterSchema = z.object({
  index: z.number().int().min(0),
  start: z.number().min(0),
  end: z.number().min(0),
  title: z.string().min(1),
  summary: z.string(),
});
export type Chapter = z.infer<typeof ChapterSchema>;
