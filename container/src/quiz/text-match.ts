/**
 * Text comparison for quiz checks: normalisation (case, accents, punctuation, whitespace), approximate quotes
 * and short answers. Runtime-neutral.
 */

/**
 * Lower case, accents removed, apostrophes dropped (so "today's" and "todays" agree), other punctuation and
 * symbols turned into spaces, whitespace collapsed.
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['\u2019]/g, "")
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function wordsOf(text: string): string[] {
  const normal = normalizeText(text);
  return normal ? normal.split(" ") : [];
}

/** Edit distance, giving up (returning limit + 1) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = row;
  }
  return previous[b.length]!;
}

/** Words a transcriber may spell differently ("colour"/"color", "analyse"/"analyze") still count as the same. */
function similarWords(a: string, b: string): boolean {
  if (a === b) return true;
  return Math.min(a.length, b.length) >= 4 && editDistance(a, b, 1) <= 1;
}

/**
 * The fewest word edits that turn `quote` into some run of consecutive words of `text` (semi-global
 * alignment: the run may start and end anywhere in `text`). 0 means the quote is there verbatim.
 */
export function quoteDistance(quote: readonly string[], text: readonly string[]): number {
  // previous[j]: cost of aligning the quote's first i words so that they end right before text word j.
  let previous = new Array<number>(text.length + 1).fill(0);
  for (let i = 1; i <= quote.length; i++) {
    const row = [i];
    for (let j = 1; j <= text.length; j++) {
      const substitution = previous[j - 1]! + (similarWords(quote[i - 1]!, text[j - 1]!) ? 0 : 1);
      row.push(Math.min(substitution, previous[j]! + 1, row[j - 1]! + 1));
    }
    previous = row;
  }
  return Math.min(...previous);
}

/**
 * Word edits a quote of `words` words may need and still count as found: transcription noise changes a word
 * here and there, an invented sentence changes most of them.
 */
export const quoteTolerance = (words: number) => Math.floor(words / 6);

/**
 * A short answer compared the way a teacher would: after normalising case, whitespace, punctuation and accents,
 * with one typo allowed in answers longer than five letters.
 */
export function shortAnswerMatches(given: string, accepted: string): boolean {
  const a = normalizeText(given);
  const b = normalizeText(accepted);
  if (!a || !b) return false;
  if (a === b) return true;
  return b.replace(/ /g, "").length > 5 && editDistance(a, b, 1) <= 1;
}
