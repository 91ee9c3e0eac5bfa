/**
 * Versioned chapter prompts. The version is part of the Worker's chapter cache key, so a wording change gets
 * a new version instead of editing an old one in place.
 */
import { describeLanguage } from "../../protocol/language";
import { transcriptLines } from "../scenes/prompt";

export interface ChapterPromptInput {
  language?: string;
  maxChapters: number;
  duration: number;
  segments: readonly { start: number; end: number; text: string }[];
}

/** About 3 hours of lesson; longer transcripts are condensed so the prompt stays well inside the context. */
export const MAX_PROMPT_LINES = 1500;
const MAX_CONDENSED_LINE_CHARS = 600;

/** Consecutive segments joined into at most `maxLines` lines, each keeping the span it covers. */
export function condenseSegments(segments: ChapterPromptInput["segments"], maxLines = MAX_PROMPT_LINES) {
  if (segments.length <= maxLines) return segments;
  const size = Math.ceil(segments.length / maxLines);
  const lines = [];
  for (let i = 0; i < segments.length; i += size) {
    const group = segments.slice(i, i + size);
    const text = group.map((s) => s.text.trim()).join(" ");
    lines.push({
      start: group[0]!.start,
      end: group.at(-1)!.end,
      text: text.length > MAX_CONDENSED_LINE_CHARS ? `${text.slice(0, MAX_CONDENSED_LINE_CHARS)}…` : text,
    });
  }
  return lines;
}

const V1_SYSTEM = [
  "You structure lesson videos for students: you split a lesson into chapters and summarise it.",
  "From a timestamped transcript you find where the lesson moves on to a new topic.",
  "Rules:",
  "- Chapters follow each other in time and together cover the whole video, from 0 to its end,",
  "  without gaps or overlaps; each chapter starts where a transcript line starts.",
  "- Each chapter has a short title (at most 8 words) and a summary of one or two sentences.",
  "- The lesson summary has a title, an abstract of two to four sentences and three to seven key points.",
  "- Answer only with JSON matching the given schema.",
].join("\n");

export const CHAPTER_PROMPTS = {
  "chapters-v1": (input: ChapterPromptInput) => ({
    system: V1_SYSTEM,
    user: [
      `Language: write every title, summary and key point in ${input.language ? describeLanguage(input.language) : "the language of the transcript"}.`,
      `Return at most ${input.maxChapters} chapters; a short lesson needs fewer.`,
      `Video duration: ${input.duration.toFixed(3)} seconds.`,
      "Transcript (one line per segment, [start - end] in seconds):",
      transcriptLines(condenseSegments(input.segments)),
    ].join("\n"),
  }),
} as const;

export type ChapterPromptVersion = keyof typeof CHAPTER_PROMPTS;
export const CHAPTER_PROMPT_VERSIONS = Object.keys(CHAPTER_PROMPTS) as [
  ChapterPromptVersion,
  ...ChapterPromptVersion[],
];
export const CURRENT_CHAPTER_PROMPT_VERSION: ChapterPromptVersion = "chapters-v1";
