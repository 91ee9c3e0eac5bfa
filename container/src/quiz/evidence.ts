/** Deterministic checks of a question's evidence against the transcript. Runtime-neutral. */
import type { Check } from "./question";
import { quoteDistance, quoteTolerance, wordsOf } from "./text-match";

export interface TimedText {
  start: number;
  end: number;
  text: string;
}

export interface TimeRange {
  start: number;
  end: number;
}

/** A field-level problem, with the path of the field in the question (e.g. `evidence.quote`). */
export interface FieldIssue {
  path: string;
  message: string;
  code: string;
}

/** Evidence as a model or a teacher gives it: start and end are derived from the cited segments. */
export interface EvidenceClaim {
  segment_indices: readonly number[];
  quote: string;
  start?: number;
  end?: number;
}

/** A segment belongs to a range when any of it is said inside the range. */
export const segmentInRange = (segment: TimedText, range: TimeRange | null) =>
  !range || (segment.end > range.start && segment.start < range.end);

const seconds = (value: number) => `${value.toFixed(1)} s`;
const round3 = (value: number) => Math.round(value * 1000) / 1000;
/** Times within this of the cited segments' window count as the same (clients echo rounded times). */
const TIME_TOLERANCE = 0.01;

export interface EvidenceVerdict {
  checks: Check[];
  issues: FieldIssue[];
  /** The cited segments' time window, when they exist. */
  window: TimeRange | null;
}

function citedSegments(claim: EvidenceClaim, segments: readonly TimedText[]): { problem?: string } {
  const indices = claim.segment_indices;
  if (indices.length === 0) return { problem: "Cites no transcript segment" };
  const missing = indices.filter((i) => !Number.isInteger(i) || i < 0 || i >= segments.length);
  if (missing.length > 0) {
    return {
      problem: `Cites segment ${missing.join(", ")}, which the transcript does not have (it has ${segments.length} segments)`,
    };
  }
  if (new Set(indices).size !== indices.length) return { problem: "Cites the same segment twice" };
  return {};
}

/**
 * The evidence checks: the cited segments exist, lie inside the requested range, and contain the quote (after
 * normalising case, accents, punctuation and whitespace, with a word edit per six words for transcription noise).
 * Checks that depend on segments that do not exist are left out rather than failed twice.
 */
export function checkEvidence(
  claim: EvidenceClaim,
  segments: readonly TimedText[],
  range: TimeRange | null,
): EvidenceVerdict {
  const { problem } = citedSegments(claim, segments);
  if (problem) {
    return {
      checks: [{ name: "evidence_segments", passed: false, severity: "error", detail: problem }],
      issues: [{ path: "evidence.segment_indices", message: problem, code: "unknown_segment" }],
      window: null,
    };
  }
  const ordered = [...claim.segment_indices].sort((a, b) => a - b);
  const cited = ordered.map((i) => segments[i]!);
  const window = {
    start: round3(Math.min(...cited.map((s) => s.start))),
    end: round3(Math.max(...cited.map((s) => s.end))),
  };
  const checks: Check[] = [
    {
      name: "evidence_segments",
      passed: true,
      severity: "error",
      detail: `Cites segment${ordered.length > 1 ? "s" : ""} ${ordered.join(", ")} (${seconds(window.start)} to ${seconds(window.end)})`,
    },
  ];
  const issues: FieldIssue[] = [];

  const outside = ordered.filter((i) => !segmentInRange(segments[i]!, range));
  const inRange = outside.length === 0;
  checks.push({
    name: "evidence_in_range",
    passed: inRange,
    severity: "error",
    detail: !range
      ? "The whole lesson was asked for"
      : inRange
        ? `Inside the requested range ${seconds(range.start)} to ${seconds(range.end)}`
        : `Segment ${outside.join(", ")} lies outside the requested range ${seconds(range.start)} to ${seconds(range.end)}`,
  });
  if (!inRange) issues.push({ path: "evidence.segment_indices", message: checks.at(-1)!.detail, code: "out_of_range" });

  const quoteWords = wordsOf(claim.quote);
  const textWords = wordsOf(cited.map((s) => s.text).join(" "));
  const minimum = Math.min(3, textWords.length);
  const distance = quoteWords.length >= Math.max(1, minimum) ? quoteDistance(quoteWords, textWords) : Infinity;
  const found = distance <= quoteTolerance(quoteWords.length);
  checks.push({
    name: "quote_in_segments",
    passed: found,
    severity: "error",
    detail: found
      ? distance === 0
        ? "The quote appears in the cited segments"
        : `The quote appears in the cited segments with ${distance} word(s) differing`
      : quoteWords.length < Math.max(1, minimum)
        ? `The quote is too short to identify the moment (at least ${Math.max(1, minimum)} words)`
        : "The quote does not appear in the cited segments",
  });
  if (!found) issues.push({ path: "evidence.quote", message: checks.at(-1)!.detail, code: "quote_not_found" });

  for (const edge of ["start", "end"] as const) {
    const given = claim[edge];
    if (given !== undefined && Math.abs(given - window[edge]) > TIME_TOLERANCE) {
      issues.push({
        path: `evidence.${edge}`,
        message: `evidence.${edge} must be the ${edge} of the cited segments (${window[edge]}), or left out`,
        code: "window_mismatch",
      });
    }
  }
  return { checks, issues, window };
}
