/**
 * How a long lesson is split for generation: windows over the whole requested range, each asked for its share of
 * the questions, so an hour of lecture gets questions from its whole length and the calls run side by side.
 * Runtime-neutral.
 */
import { segmentInRange, type TimedText, type TimeRange } from "./evidence";

export interface QuizWindow {
  /** 0-based, in lesson order. */
  index: number;
  start: number;
  end: number;
  /** Indices (into the transcript's segments) of the spoken segments in this window. */
  segmentIndices: number[];
  /** Questions asked of this window. */
  questions: number;
}

/** More windows than this adds calls without spreading questions any better. */
export const MAX_WINDOWS = 12;

/**
 * Splits `total` into whole shares proportional to `weights` (largest remainder), each share at least `minimum`
 * while the total allows it.
 */
export function spreadQuestions(total: number, weights: readonly number[], minimum = 1): number[] {
  const count = weights.length;
  if (count === 0) return [];
  const floor = total >= minimum * count ? minimum : 0;
  const shares = weights.map(() => floor);
  const rest = total - floor * count;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (w / sum) * rest : rest / count));
  let given = 0;
  exact.forEach((value, i) => {
    shares[i]! += Math.floor(value);
    given += Math.floor(value);
  });
  const order = exact
    .map((value, i) => ({ i, frac: value - Math.floor(value) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; given < rest; k++, given++) shares[order[k % count]!.i]! += 1;
  return shares;
}

/**
 * Windows of about `windowSeconds` over the spoken segments inside `range` (no more windows than questions), with
 * questions shared out by how much is said in each. Segments go to the window holding their midpoint.
 */
export function planWindows(
  segments: readonly TimedText[],
  range: TimeRange | null,
  options: { numQuestions: number; windowSeconds: number },
): QuizWindow[] {
  const spoken = segments.flatMap((segment, i) => (segment.text.trim() && segmentInRange(segment, range) ? [i] : []));
  if (spoken.length === 0) return [];
  const first = segments[spoken[0]!]!.start;
  const last = Math.max(...spoken.map((i) => segments[i]!.end));
  const span = Math.max(last - first, 1e-6);
  const count = Math.max(
    1,
    Math.min(Math.ceil(span / options.windowSeconds), options.numQuestions, MAX_WINDOWS, spoken.length),
  );
  const groups: number[][] = Array.from({ length: count }, () => []);
  for (const i of spoken) {
    const segment = segments[i]!;
    const mid = (segment.start + segment.end) / 2;
    groups[Math.min(count - 1, Math.max(0, Math.floor(((mid - first) / span) * count)))]!.push(i);
  }
  const filled = groups.filter((group) => group.length > 0);
  const weights = filled.map((group) => group.reduce((sum, i) => sum + segments[i]!.text.length, 0));
  const shares = spreadQuestions(options.numQuestions, weights);
  return filled.map((group, index) => ({
    index,
    start: segments[group[0]!]!.start,
    end: Math.max(...group.map((i) => segments[i]!.end)),
    segmentIndices: group,
    questions: shares[index]!,
  }));
}
