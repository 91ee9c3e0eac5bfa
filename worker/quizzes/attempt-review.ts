import type { VersionQuestion } from "./quiz-versions";

export interface ReviewWindow {
  start: number;
  end: number;
  /** The rendered clip of the moment, when the quiz's review clips job made one. */
  clip_url?: string;
}

/**
 * The moment of the lesson that explains a question: its evidence window. Null for a question without evidence
 * (a teacher's own). `withReviewClips` adds the clip of that moment when one was rendered.
 */
export function reviewOf(question: VersionQuestion): ReviewWindow | null {
  if (!question.evidence) return null;
  return { start: question.evidence.start, end: question.evidence.end };
}
