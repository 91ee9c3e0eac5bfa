import type { VersionQuestion } from "./quiz-versions";

export interface ReviewWindow {
  start: number;
  end: number;
}

/**
 * The moment of the lesson that explains a question: its evidence window. Null for a question without evidence
 * (a teacher's own). The review clips job adds `clip_url` here.
 */
export function reviewOf(question: VersionQuestion): ReviewWindow | null {
  if (!question.evidence) return null;
  return { start: question.evidence.start, end: question.evidence.end };
}
