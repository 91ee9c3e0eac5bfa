/**
 * Caption cues from a transcript, following the usual caption guidelines: at most two lines of
 * `maxLineChars` characters and at most `maxCueSeconds` on screen, cut where the speaker pauses or a segment
 * ends. Needs word timings; a transcript without them gets one cue per segment. Runtime-neutral.
 */
import type { SubtitleCue } from "./format";
import type { SubtitleSegment } from "./segment";
import type { TranscriptWord } from "./word";

export interface CaptionRules {
  maxLineChars: number;
  maxLines: number;
  maxCueSeconds: number;
}

export const DEFAULT_CAPTION_RULES: CaptionRules = { maxLineChars: 42, maxLines: 2, maxCueSeconds: 7 };
/** The range `?max_line_chars=` accepts: narrower lines than 16 hold too few words, wider than 80 no screen shows. */
export const MAX_LINE_CHARS_LIMITS = { min: 16, max: 80 } as const;

/** A pause at least this long starts a new cue, so a caption is not on screen while nobody speaks. */
const PAUSE_SECONDS = 1;
/** Cues shorter than this are held longer (up to the next cue), so that they can be read. */
const MIN_CUE_SECONDS = 1;

interface Token {
  text: string;
  start: number;
  end: number;
}

const length = (text: string) => [...text].length;

/**
 * The tokens' text in at most `maxLines` lines of at most `maxLineChars`, the lines as even as possible;
 * null when they do not fit. A single token longer than a line stands alone on its line.
 */
export function wrapCaption(
  tokens: readonly string[],
  rules: Pick<CaptionRules, "maxLineChars" | "maxLines">,
): string[] | null {
  const whole = tokens.join(" ");
  if (length(whole) <= rules.maxLineChars || tokens.length === 1) return [whole];
  if (rules.maxLines < 2) return null;
  let best: string[] | null = null;
  let bestWidth = Number.POSITIVE_INFINITY;
  for (let cut = 1; cut < tokens.length; cut++) {
    const first = tokens.slice(0, cut).join(" ");
    const rest = wrapCaption(tokens.slice(cut), { ...rules, maxLines: rules.maxLines - 1 });
    if (length(first) > rules.maxLineChars || !rest) continue;
    const width = Math.max(length(first), ...rest.map(length));
    if (width < bestWidth) {
      best = [first, ...rest];
      bestWidth = width;
    }
  }
  return best;
}

/**
 * The words of one segment with the segment's own spelling: Whisper's words carry no punctuation, so when the
 * segment's text has as many words, those are shown instead.
 */
function segmentTokens(segment: SubtitleSegment, words: readonly TranscriptWord[]): Token[] {
  const spelled = segment.text.split(/\s+/).filter(Boolean);
  const sameCount = spelled.length === words.length;
  return words.map((word, i) => ({
    text: sameCount ? (spelled[i] as string) : word.word,
    start: word.start,
    end: word.end,
  }));
}

function cuesOfSegment(segment: SubtitleSegment, tokens: readonly Token[], rules: CaptionRules): SubtitleCue[] {
  const cues: SubtitleCue[] = [];
  let current: Token[] = [];
  const flush = () => {
    const first = current[0];
    const last = current.at(-1);
    const lines = wrapCaption(
      current.map((token) => token.text),
      rules,
    );
    if (first && last && lines) {
      const end = Math.min(last.end, first.start + rules.maxCueSeconds);
      cues.push({
        start: first.start,
        end,
        text: lines.join("\n"),
        ...(segment.speaker ? { speaker: segment.speaker } : {}),
      });
    }
    current = [];
  };
  for (const token of tokens) {
    const first = current[0];
    const last = current.at(-1);
    if (first && last) {
      const fits =
        wrapCaption(
          [...current, token].map((t) => t.text),
          rules,
        ) !== null;
      const tooLong = token.end - first.start > rules.maxCueSeconds;
      const paused = token.start - last.end >= PAUSE_SECONDS;
      if (!fits || tooLong || paused) flush();
    }
    current.push(token);
  }
  flush();
  return cues;
}

/** Holds short cues a little longer, never into the next one. */
function readable(cues: SubtitleCue[]): SubtitleCue[] {
  return cues.map((cue, i) => {
    if (cue.end - cue.start >= MIN_CUE_SECONDS) return cue;
    const next = cues[i + 1]?.start ?? Number.POSITIVE_INFINITY;
    const end = Math.max(cue.end, Math.min(cue.start + MIN_CUE_SECONDS, next));
    return { ...cue, end: end > cue.start ? end : cue.start + 0.001 };
  });
}

const segmentCue = (s: SubtitleSegment): SubtitleCue => ({
  start: s.start,
  end: s.end,
  text: s.text,
  ...(s.speaker ? { speaker: s.speaker } : {}),
});

/** Caption cues: built from word timings when there are any, else one cue per segment. */
export function captionCues(
  segments: readonly SubtitleSegment[],
  words: readonly TranscriptWord[] | null,
  rules: CaptionRules = DEFAULT_CAPTION_RULES,
): SubtitleCue[] {
  if (!words) return segments.map(segmentCue);
  const bySegment = new Map<number, TranscriptWord[]>();
  for (const word of words) {
    const list = bySegment.get(word.segment_index);
    if (list) list.push(word);
    else bySegment.set(word.segment_index, [word]);
  }
  const cues = segments.flatMap((segment) => {
    const own = bySegment.get(segment.index);
    // A segment Whisper gave no words for still gets its text shown, over its own time.
    if (!own?.length) return [segmentCue(segment)];
    return cuesOfSegment(segment, segmentTokens(segment, own), rules);
  });
  return readable(cues);
}
