/** Whether a question repeats an earlier one: the same normalised stem, or nearly the same words. Runtime-neutral. */
import type { Check } from "./question";
import { normalizeText, wordsOf } from "./text-match";

/** Stems sharing this share of their distinct words (Jaccard) ask the same thing in other words. */
export const NEAR_DUPLICATE_SIMILARITY = 0.8;

export interface EarlierQuestion {
  stem: string;
  /** How the detail names it, e.g. "question 3". */
  label: string;
}

export function stemSimilarity(a: string, b: string): number {
  const left = new Set(wordsOf(a));
  const right = new Set(wordsOf(b));
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared);
}

/** The `not_duplicate` check of a stem against the questions before it. */
export function duplicateCheck(stem: string, earlier: readonly EarlierQuestion[]): Check {
  const normal = normalizeText(stem);
  for (const other of earlier) {
    if (normalizeText(other.stem) === normal) {
      return { name: "not_duplicate", passed: false, severity: "error", detail: `Repeats ${other.label}` };
    }
  }
  let closest: { label: string; similarity: number } | undefined;
  for (const other of earlier) {
    const similarity = stemSimilarity(stem, other.stem);
    if (similarity >= NEAR_DUPLICATE_SIMILARITY && similarity > (closest?.similarity ?? 0)) {
      closest = { label: other.label, similarity };
    }
  }
  return closest
    ? {
        name: "not_duplicate",
        passed: false,
        severity: "error",
        detail: `Nearly repeats ${closest.label} (${Math.round(closest.similarity * 100)} % of the words shared)`,
      }
    : { name: "not_duplicate", passed: true, severity: "error", detail: "Asks something no other question asks" };
}
