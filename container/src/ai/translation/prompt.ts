/**
 * Versioned translation prompts. The version is stored with each translation, so a wording change gets a new
 * version instead of editing an old one in place.
 */
import { describeLanguage } from "../../protocol/language";

export interface TranslationPromptInput {
  sourceLanguage?: string;
  targetLanguage: string;
  /** The batch: ids are positions in the whole transcript, so the answer can be checked line by line. */
  lines: readonly { id: number; text: string }[];
}

/** Single line, so transcript text cannot open a new section of the template. */
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

const V1_SYSTEM = [
  "You translate lesson transcripts into subtitles in another language.",
  "You are given numbered transcript lines; each becomes one subtitle with the timing of its line.",
  "Rules:",
  "- Answer with exactly one item per input line, with the line's id, in the same order as the input.",
  "- Never merge, split, drop or reorder lines, even where a sentence continues on the next line.",
  "- Translate each line's meaning faithfully and naturally; keep numbers, formulas, names and terms accurate.",
  "- Do not add notes or explanations. Answer only with JSON matching the given schema.",
].join("\n");

export const TRANSLATION_PROMPTS = {
  "translation-v1": (input: TranslationPromptInput) => ({
    system: V1_SYSTEM,
    user: [
      `Source language: ${input.sourceLanguage ? describeLanguage(input.sourceLanguage) : "detect it from the lines"}`,
      `Target language: ${describeLanguage(input.targetLanguage)}`,
      `Lines (${input.lines.length}), one per line as [id] text:`,
      ...input.lines.map((line) => `[${line.id}] ${oneLine(line.text)}`),
    ].join("\n"),
  }),
} as const;

export type TranslationPromptVersion = keyof typeof TRANSLATION_PROMPTS;
export const TRANSLATION_PROMPT_VERSIONS = Object.keys(TRANSLATION_PROMPTS) as [
  TranslationPromptVersion,
  ...TranslationPromptVersion[],
];
export const CURRENT_TRANSLATION_PROMPT_VERSION: TranslationPromptVersion = "translation-v1";

/** What the model must answer: `{lines: [{id, text}]}`, strict (every property required, nothing else). */
export const TRANSLATION_ANSWER_JSON_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["lines"],
  properties: {
    lines: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "text"],
        properties: {
          id: { type: "integer", description: "The id of the input line" },
          text: { type: "string", description: "The line in the target language" },
        },
      },
    },
  },
} as const;
