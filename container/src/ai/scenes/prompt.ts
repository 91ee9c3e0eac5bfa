import { describeLanguage } from "../../protocol/language";

/**
 * Versioned scene-detection prompts. The version is part of the Worker's scene cache key, so any
 * change to wording or layout gets a new version instead of editing an old one in place.
 */
export interface ScenePromptInput {
  tone?: string;
  criteria?: string;
  /** ISO 639-1 code of the transcript (from scenes-v2 on, titles and descriptions are written in it). */
  language?: string;
  maxScenes: number;
  duration: number;
  segments: readonly { start: number; end: number; text: string }[];
}

export interface ScenePrompt {
  system: string;
  user: string;
}

/** Single line, so user text can't open a new section of the template. */
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
const seconds = (value: number) => value.toFixed(3);

/** `[12.000 - 15.500] text`, one segment per line: the model quotes these numbers back as start/end. */
export function transcriptLines(segments: ScenePromptInput["segments"]): string {
  return segments.map((s) => `[${seconds(s.start)} - ${seconds(s.end)}] ${oneLine(s.text)}`).join("\n");
}

const V1_SYSTEM = [
  "You are an assistant for video editors who cut lesson videos into short highlight clips.",
  "From a timestamped transcript you pick self-contained moments that work on their own as clips.",
  "Rules:",
  "- start and end are seconds from the start of the video, taken from the transcript's timestamps;",
  "  a scene starts where a transcript line starts and ends where a line ends.",
  "- Scenes must lie within the video, must not overlap each other, and end after they start.",
  "- priority is an integer from 1 (most important) upwards; confidence is between 0 and 1.",
  "- title is short (at most 8 words); description is one or two sentences; tags are 1-5 lowercase keywords.",
  "- Answer only with JSON matching the given schema.",
].join("\n");

const v1User = (input: ScenePromptInput) => [
  `Tone: ${input.tone ? oneLine(input.tone) : "neutral"}`,
  `Criteria: ${input.criteria ? oneLine(input.criteria) : "the most engaging and informative self-contained moments"}`,
  `Return at most ${input.maxScenes} scenes.`,
  `Video duration: ${seconds(input.duration)} seconds.`,
  "Transcript (one line per segment, [start - end] in seconds):",
  transcriptLines(input.segments),
];

/** The language line of v2: the transcript's language when known, so clips are described to its audience. */
const languageLine = (language: string | undefined) =>
  `Language: write titles, descriptions and tags in ${language ? describeLanguage(language) : "the language of the transcript"}.`;

export const SCENE_PROMPTS = {
  "scenes-v1": (input: ScenePromptInput): ScenePrompt => ({ system: V1_SYSTEM, user: v1User(input).join("\n") }),
  "scenes-v2": (input: ScenePromptInput): ScenePrompt => ({
    system: V1_SYSTEM,
    user: [languageLine(input.language), ...v1User(input)].join("\n"),
  }),
} as const;

export type ScenePromptVersion = keyof typeof SCENE_PROMPTS;
export const SCENE_PROMPT_VERSIONS = Object.keys(SCENE_PROMPTS) as [ScenePromptVersion, ...ScenePromptVersion[]];
export const CURRENT_SCENE_PROMPT_VERSION: ScenePromptVersion = "scenes-v2";

export function buildScenePrompt(version: ScenePromptVersion, input: ScenePromptInput): ScenePrompt {
  return SCENE_PROMPTS[version](input);
}
