/** Where a question's "review this moment" clip starts and ends on the lesson video's clock. */

export const REVIEW_CLIP_MIN_SECONDS = 8;
export const REVIEW_CLIP_MAX_SECONDS = 40;
export const REVIEW_PADDING_DEFAULT = 2;
export const REVIEW_PADDING_MAX = 10;

export interface TimeSpan {
  start: number;
  end: number;
}

// Times are rounded to milliseconds, so stored windows and the render's cut points agree exactly.
const ms = (seconds: number) => Math.round(seconds * 1000) / 1000;

/** The latest boundary in [floor, t], or t when there is none. */
function snapDown(t: number, boundaries: readonly number[], floor: number): number {
  let best = t;
  let found = false;
  for (const b of boundaries) if (b <= t && b >= floor && (!found || b > best)) [best, found] = [b, true];
  return best;
}

/** The earliest boundary in [t, ceiling], or t when there is none. */
function snapUp(t: number, boundaries: readonly number[], ceiling: number): number {
  let best = t;
  let found = false;
  for (const b of boundaries) if (b >= t && b <= ceiling && (!found || b < best)) [best, found] = [b, true];
  return best;
}

/**
 * The evidence window, padded by `padding` on each side, widened to whole transcript segments (a clip starts
 * where a sentence starts and ends where one ends), then held to 8-40 s and to the video. A snap is skipped when
 * it would break a bound. Too short: the end grows (to a segment end when one is in reach), and the start moves
 * back when the video ends first. Too long: the clip keeps its start and ends at the last segment end in reach.
 * A video shorter than 8 s is its own clip.
 */
export function reviewWindow(evidence: TimeSpan, segments: readonly TimeSpan[], duration: number, padding: number) {
  const MIN = REVIEW_CLIP_MIN_SECONDS;
  const MAX = REVIEW_CLIP_MAX_SECONDS;
  if (duration <= MIN) return { start: 0, end: ms(duration) };
  const starts = segments.map((s) => s.start).filter((t) => t >= 0 && t < duration);
  const ends = segments.map((s) => Math.min(s.end, duration)).filter((t) => t > 0);
  const clamp = (t: number) => Math.min(duration, Math.max(0, t));

  let start = clamp(Math.min(evidence.start, evidence.end) - padding);
  let end = clamp(Math.max(evidence.start, evidence.end) + padding);
  start = snapDown(start, starts, end - MAX);
  end = snapUp(end, ends, Math.min(duration, start + MAX));

  if (end - start > MAX) end = snapDown(start + MAX, ends, start + MIN);
  if (end - start < MIN) {
    const wanted = start + MIN;
    end = wanted <= duration ? snapUp(wanted, ends, Math.min(duration, start + MAX)) : duration;
    if (end - start < MIN) start = Math.max(0, snapDown(end - MIN, starts, end - MAX));
  }
  return { start: ms(start), end: ms(end) };
}
