import type { Check } from "../../container/src/quiz/question";
import type { StoredQuestion } from "./quiz-records";

/** Whether a question's evidence was checked against another transcript than the video's current one. */
export const isStale = (question: StoredQuestion, currentTranscriptId: string | null) =>
  question.evidence !== null && question.transcriptId !== currentTranscriptId;

/**
 * The question's checks as a reader should see them now: a forced re-transcription replaces the transcript
 * that evidence indices point into, so evidence checked against the old one is flagged (never silently
 * re-pointed). Edit the evidence to check it against the current transcript.
 */
export function currentChecks(question: StoredQuestion, currentTranscriptId: string | null): Check[] {
  if (!question.evidence) return question.checks;
  const stale = isStale(question, currentTranscriptId);
  return [
    ...question.checks,
    {
      name: "evidence_current",
      passed: !stale,
      severity: "warning",
      detail: stale
        ? "The evidence was checked against an older transcript of the video; its segments may now say something else"
        : "The evidence was checked against the video's current transcript",
    },
  ];
}
