/** Classical item analysis from sums, so the sums can come from SQL aggregates. */

/** Per question over n attempts: x its credit, r the rest of the attempt's score (total minus x). */
export interface ItemSums {
  n: number;
  correct: number;
  sx: number;
  sxx: number;
  sr: number;
  srr: number;
  sxr: number;
}

export type ItemFlag = "too_easy" | "too_hard" | "negative_discrimination" | "distractor_never_chosen";

export interface OptionStats {
  option_id: string;
  text: string;
  correct: boolean;
  chosen: number;
}

export interface QuestionStats {
  question_id: string;
  position: number;
  type: string;
  stem: string;
  attempts: number;
  correct: number;
  /** Mean credit: the proportion correct for all-or-nothing questions. */
  difficulty: number | null;
  /** Point-biserial (Pearson) correlation of the credit with the rest of the score. */
  discrimination: number | null;
  options: OptionStats[];
  flags: ItemFlag[];
  sums: ItemSums;
}

export function pointBiserial(s: ItemSums): number | null {
  if (s.n < 2) return null;
  const covariance = s.n * s.sxr - s.sx * s.sr;
  const spread = (s.n * s.sxx - s.sx ** 2) * (s.n * s.srr - s.sr ** 2);
  // A question everyone got right (or wrong), or a rest score that never varies, correlates with nothing.
  if (spread <= 1e-12) return null;
  return covariance / Math.sqrt(spread);
}

export function itemFlags(item: {
  n: number;
  difficulty: number | null;
  discrimination: number | null;
  options: OptionStats[];
}): ItemFlag[] {
  if (item.n === 0 || item.difficulty === null) return [];
  const flags: ItemFlag[] = [];
  if (item.difficulty > 0.9) flags.push("too_easy");
  if (item.difficulty < 0.2) flags.push("too_hard");
  if (item.discrimination !== null && item.discrimination < 0) flags.push("negative_discrimination");
  if (item.options.some((o) => !o.correct && o.chosen === 0)) flags.push("distractor_never_chosen");
  return flags;
}
