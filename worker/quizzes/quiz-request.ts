/** What a quiz_generation payload asks for, checked against what is stored (the video, its transcript, its scenes). */
import { z } from "zod";
import { QuizDifficultySchema } from "../../container/src/protocol/quiz-contract";
import { LanguageCodeSchema } from "../../container/src/protocol/transcribe-contract";
import { segmentInRange, type TimeRange } from "../../container/src/quiz/evidence";
import { QuestionTypeSchema } from "../../container/src/quiz/question";
import { latestSceneRun } from "../ai/scene-store";
import type { StoredTranscript } from "../ai/transcript-store";
import type { Database } from "../db/client";
import { AssetIdSchema } from "../storage/asset-id";
import type { QuizParameters } from "./quiz-parameters";

export const QuizRangeSchema = z
  .strictObject({
    start: z.number().min(0).describe("Seconds from the start of the video"),
    end: z.number().positive().describe("Seconds from the start of the video, after start"),
  })
  .refine((range) => range.end > range.start, { message: "end must be after start", path: ["end"] });

export const QuizGenerationPayloadSchema = z
  .strictObject({
    asset_id: AssetIdSchema.describe("The lesson video; transcribed first if it has no transcript yet"),
    num_questions: z.number().int().min(1).max(50).default(10).describe("Questions to keep"),
    question_types: z
      .array(QuestionTypeSchema)
      .min(1)
      .max(4)
      .default(["multiple_choice", "true_false"])
      .describe("Types to mix; multiple_choice has one correct option, multiple_response one or more"),
    difficulty: QuizDifficultySchema.default("mixed"),
    language: LanguageCodeSchema.optional().describe(
      "The quiz's language (ISO-639-1); default the transcript's. Evidence quotes stay in the lesson's language",
    ),
    focus: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .optional()
      .describe("What to ask about, e.g. 'the three inputs of photosynthesis'"),
    range: QuizRangeSchema.optional().describe("Quiz only this part of the lesson"),
    scene_id: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe("Quiz one scene of the video's latest scene run (GET …/ai/scenes), instead of a range"),
    audience: z.string().trim().min(1).max(200).optional().describe("Who takes the quiz, e.g. 'grade 7'"),
    verify: z.boolean().default(true).describe("Check each question by answering it from its cited excerpt alone"),
    force: z.boolean().optional().describe("Generate again even if an identical request has a quiz"),
  })
  .refine((p) => !(p.range && p.scene_id), { message: "Give range or scene_id, not both", path: ["scene_id"] });
export type QuizGenerationPayload = z.infer<typeof QuizGenerationPayloadSchema>;

export type RangeResolution = { range: TimeRange | null } | { problem: string; path: string };

/** The range the payload names: its own, a stored scene's, or none. */
export async function resolveRange(
  db: Database,
  payload: Pick<QuizGenerationPayload, "range" | "scene_id">,
  transcript: StoredTranscript | null,
): Promise<RangeResolution> {
  if (payload.range) {
    if (transcript && payload.range.start >= transcript.duration) {
      return {
        path: "payload.range.start",
        problem: `range starts after the lesson ends (${transcript.duration.toFixed(1)} s)`,
      };
    }
    return { range: payload.range };
  }
  if (!payload.scene_id) return { range: null };
  const run = transcript
    ? await latestSceneRun(db, {
        projectId: transcript.projectId,
        assetId: transcript.assetId,
        transcriptId: transcript.id,
      })
    : null;
  const scene = run?.scenes.find((s) => s.id === payload.scene_id);
  if (!scene) {
    return {
      path: "payload.scene_id",
      problem: `The video's latest scene run has no scene ${payload.scene_id} (see GET …/ai/scenes)`,
    };
  }
  return { range: { start: scene.start, end: scene.end } };
}

/** Whether anything is said inside the range: a quiz needs speech to ask about. */
export const hasSpeech = (transcript: StoredTranscript, range: TimeRange | null) =>
  transcript.segments.some((s) => s.text.trim() && segmentInRange(s, range));

export function resolveParameters(
  payload: QuizGenerationPayload,
  transcript: StoredTranscript,
  range: TimeRange | null,
): QuizParameters {
  return {
    num_questions: payload.num_questions,
    question_types: [...new Set(payload.question_types)],
    difficulty: payload.difficulty,
    // Whisper reports a name ("english") when no language was asked for; either way it is what the lesson is in.
    language: payload.language ?? transcript.language ?? "en",
    focus: payload.focus ?? null,
    audience: payload.audience ?? null,
    range,
    scene_id: payload.scene_id ?? null,
    verify: payload.verify,
  };
}
