import { seededRandom, shuffled } from "../../container/src/quiz/shuffle";
import { type ReviewWindow, reviewOf } from "./attempt-review";
import type { VersionQuestion } from "./quiz-versions";

/** A question as a learner sees it: no key, no explanation, no checks. */
export interface LearnerQuestion {
  id: string;
  type: VersionQuestion["type"];
  stem: string;
  options: { id: string; text: string }[];
  /** Where in the lesson the question belongs (its evidence window); null without evidence. */
  cue: ReviewWindow | null;
}

/** 32 bits of the attempt id (FNV-1a), so the order is fixed by the attempt and a reload shows the same one. */
function seedOf(attemptId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < attemptId.length; i++) {
    hash ^= attemptId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The version's questions for one attempt, options shuffled by the attempt's seed. True/false keeps True before
 * False: swapping them reads as a trick, not as a fairer order.
 */
export function learnerQuestions(attemptId: string, questions: readonly VersionQuestion[]): LearnerQuestion[] {
  const random = seededRandom(seedOf(attemptId));
  return questions.map((q) => {
    const options = q.options.map((o) => ({ id: o.id, text: o.text }));
    return {
      id: q.id,
      type: q.type,
      stem: q.stem,
      options: q.type === "true_false" ? options : shuffled(options, random),
      cue: reviewOf(q),
    };
  });
}
