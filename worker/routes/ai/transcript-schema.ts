import { z } from "@hono/zod-openapi";
import { ChapterRepairReportSchema } from "../../../container/src/protocol/chapters-contract";
import type { StoredChapterRun } from "../../ai/chapter-store";
import type { Glossary } from "../../ai/glossary";
import { GLOSSARY_MAX_TERMS, GLOSSARY_TERM_MAX_CHARS } from "../../ai/glossary";

/** Schemas of the routes built on a transcript: its languages, its chapters, the project's glossary. */

export const TranscriptLanguagesSchema = z
  .object({
    asset_id: z.string().openapi({ example: "3f0c9a2e-8a4b-4a57-9b0e-2d6c1f7e5a10" }),
    transcript_id: z.string().openapi({ example: "5b1d..." }),
    original_language: z
      .string()
      .nullable()
      .openapi({ description: "ISO 639-1 of the transcript itself", example: "en" }),
    languages: z.array(
      z.object({
        language: z.string().openapi({ example: "de" }),
        original: z.boolean().openapi({ description: "True for the transcript's own language", example: false }),
        segment_count: z.number().int().min(0).openapi({ example: 512 }),
        created_at: z.string().openapi({ example: "2026-11-24T03:05:00.000Z" }),
      }),
    ),
  })
  .openapi("TranscriptLanguages");

export const ChapterRunSchema = z
  .object({
    asset_id: z.string().openapi({ example: "3f0c9a2e-8a4b-4a57-9b0e-2d6c1f7e5a10" }),
    project_id: z.string().openapi({ example: "lesson-app" }),
    transcript_id: z.string().openapi({ example: "5b1d..." }),
    language: z.string().nullable().openapi({ description: "The language titles and summaries are in", example: "en" }),
    request_id: z.string().openapi({ example: "req_3b7e..." }),
    generated_at: z.string().openapi({ example: "2026-11-24T03:05:00.000Z" }),
    max_chapters: z.number().int().min(1).openapi({ example: 12 }),
    chapters: z.array(
      z.object({
        index: z.number().int().min(0).openapi({ example: 0 }),
        start: z.number().min(0).openapi({ description: "Seconds, on a transcript segment start", example: 0 }),
        end: z.number().min(0).openapi({ description: "Seconds; the next chapter's start", example: 312.4 }),
        title: z.string().openapi({ example: "What photosynthesis needs" }),
        summary: z.string().openapi({ example: "Light, water and carbon dioxide, and where each comes from." }),
      }),
    ),
    summary: z.object({
      title: z.string().openapi({ example: "Photosynthesis" }),
      abstract: z.string().openapi({ example: "How plants turn light into sugar, in two stages." }),
      key_points: z.array(z.string()).openapi({ example: ["Chlorophyll absorbs red and blue light"] }),
    }),
    usage: z.object({
      total_tokens: z.number().int().min(0).openapi({ example: 5321 }),
      requests: z.number().int().min(0).openapi({ example: 1 }),
    }),
    repairs: ChapterRepairReportSchema.describe(
      "What was fixed in the model's answer (chapters out of range, overlapping, gaps, moved to a line start)",
    ),
  })
  .openapi("ChapterRun");

export function chapterRunResponse(run: StoredChapterRun): z.infer<typeof ChapterRunSchema> {
  return ChapterRunSchema.parse({
    asset_id: run.assetId,
    project_id: run.projectId,
    transcript_id: run.transcriptId,
    language: run.language,
    request_id: run.requestId,
    generated_at: run.generatedAt,
    max_chapters: run.maxChapters,
    chapters: run.chapters,
    summary: run.summary,
    usage: { total_tokens: run.usage.total_tokens, requests: run.usage.requests },
    repairs: run.repairs,
  });
}

const TermSchema = z
  .string()
  .trim()
  .min(1, "A term cannot be empty")
  .max(GLOSSARY_TERM_MAX_CHARS)
  .regex(/^[^\r\n\t]*$/, "A term is one line")
  .openapi({ example: "chlorophyll" });

export const GlossaryRequestSchema = z
  .strictObject({
    terms: z
      .array(TermSchema)
      .max(GLOSSARY_MAX_TERMS)
      .refine((terms) => new Set(terms.map((t) => t.toLowerCase())).size === terms.length, "List each term once")
      .openapi({ description: `Up to ${GLOSSARY_MAX_TERMS} terms; an empty list clears the glossary` }),
  })
  .openapi("GlossaryRequest");

export const GlossarySchema = z
  .object({
    project_id: z.string().openapi({ example: "lesson-app" }),
    terms: z.array(z.string()).openapi({ example: ["chlorophyll", "Krebs cycle"] }),
    updated_at: z.string().nullable().openapi({ description: "Null when never set", example: "2026-11-24T03:05:00Z" }),
  })
  .openapi("Glossary");

export const glossaryResponse = (glossary: Glossary) =>
  GlossarySchema.parse({ project_id: glossary.projectId, terms: glossary.terms, updated_at: glossary.updatedAt });
