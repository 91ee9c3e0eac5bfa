/**
 * Every deterministic check of one question, run by the media service on generated questions and by the Worker
 * on every edit, so both apply the same rules. Runtime-neutral.
 */
import { duplicateCheck, type EarlierQuestion } from "./duplicates";
import { checkEvidence, type EvidenceClaim, type FieldIssue, type TimedText, type TimeRange } from "./evidence";
import { flawChecks } from "./flaws";
import { type AnswerShape, answerShapeIssues } from "./options";
import type { Check, Evidence, QuestionType } from "./question";

export type { EarlierQuestion, EvidenceClaim, FieldIssue, TimedText, TimeRange };

export interface CheckContext {
  /** The transcript's segments; evidence indices point into this array. */
  segments: readonly TimedText[];
  range: TimeRange | null;
  /** Types the request asked for; edits may use any type. */
  allowedTypes?: readonly QuestionType[];
  /** The questions before this one, for the duplicate check. */
  earlier: readonly EarlierQuestion[];
}

export interface QuestionUnderCheck extends AnswerShape {
  stem: string;
  evidence: EvidenceClaim | null;
}

export interface QuestionVerdict {
  checks: Check[];
  /** Field-level problems of the error checks that failed, for a 422 on an edit. */
  issues: FieldIssue[];
  /** The evidence with its window derived from the cited segments (0-0 when they do not exist). */
  evidence: Evidence | null;
}

function summary(issues: FieldIssue[], fine: string): Pick<Check, "passed" | "detail"> {
  return issues.length
    ? { passed: false, detail: issues.map((i) => i.message).join("; ") }
    : { passed: true, detail: fine };
}

/** Checks evidence, type, stem, options and flaws of one question; `checks` lists every verdict. */
export function checkQuestion(question: QuestionUnderCheck, context: CheckContext): QuestionVerdict {
  const checks: Check[] = [];
  const issues: FieldIssue[] = [];
  if (context.allowedTypes && !context.allowedTypes.includes(question.type)) {
    const detail = `${question.type} was not asked for (${context.allowedTypes.join(", ")})`;
    checks.push({ name: "type_requested", passed: false, severity: "error", detail });
    issues.push({ path: "type", message: detail, code: "type_not_requested" });
  }
  const stemIssues: FieldIssue[] = question.stem.trim()
    ? []
    : [{ path: "stem", message: "The stem is empty", code: "empty" }];
  checks.push({ name: "stem_present", severity: "error", ...summary(stemIssues, "The question has a stem") });
  const shapeIssues = answerShapeIssues(question);
  const fine = question.type === "short_answer" ? "Accepted answers are well formed" : "Options are well formed";
  checks.push({ name: "options_well_formed", severity: "error", ...summary(shapeIssues, fine) });
  issues.push(...stemIssues, ...shapeIssues);

  let evidence: Evidence | null = null;
  if (question.evidence) {
    const verdict = checkEvidence(question.evidence, context.segments, context.range);
    checks.push(...verdict.checks);
    issues.push(...verdict.issues);
    evidence = {
      segment_indices: [...question.evidence.segment_indices].sort((a, b) => a - b),
      start: verdict.window?.start ?? 0,
      end: verdict.window?.end ?? 0,
      quote: question.evidence.quote.trim(),
    };
  } else {
    checks.push({
      name: "evidence_present",
      passed: false,
      severity: "warning",
      detail: "No evidence cited: the question is not tied to a moment of the lesson",
    });
  }
  const duplicate = duplicateCheck(question.stem, context.earlier);
  checks.push(duplicate);
  if (!duplicate.passed) issues.push({ path: "stem", message: duplicate.detail, code: "duplicate_question" });
  checks.push(...flawChecks(question));
  return { checks, issues, evidence };
}
