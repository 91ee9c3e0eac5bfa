import type { Schemas } from "../api";
import { formatDuration } from "../format";

type Question = Schemas["QuizQuestion"] | Schemas["RejectedQuizQuestion"];
export type Evidence = NonNullable<Schemas["QuizQuestion"]["evidence"]>;

const TYPE_LABELS: Record<Question["type"], string> = {
  multiple_choice: "Multiple choice",
  multiple_response: "Multiple response",
  true_false: "True or false",
  short_answer: "Short answer",
};

/**
 * What a teacher reviews in a question: stem, options with the key marked, the evidence quote with a button
 * that plays its moment, the checks, and for a rejected question the reasons. Actions come from the caller.
 */
export function QuestionCard({
  question,
  label,
  onPlayMoment,
  children,
}: {
  question: Question;
  label: string;
  onPlayMoment?: (evidence: Evidence) => void;
  children?: unknown;
}) {
  const headingId = `q-${question.id}`;
  const evidence = question.evidence;
  return (
    <article class="question" data-question-id={question.id} aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span class="question-label">{label}</span> {question.stem}
      </h3>
      <p class="hint">
        {TYPE_LABELS[question.type]} · {question.difficulty} · {question.bloom_level} · {question.origin}
      </p>
      {question.type === "short_answer" ? (
        <p>
          Accepted: <strong>{question.accepted_answers.join(", ")}</strong>
        </p>
      ) : (
        <ul class="options">
          {question.options.map((option) => (
            <li class={option.correct ? "correct" : ""}>
              {option.text}
              {option.correct && <span class="key"> (correct)</span>}
            </li>
          ))}
        </ul>
      )}
      {question.explanation && <p class="explanation">{question.explanation}</p>}
      {evidence ? (
        <figure class="evidence">
          <blockquote>{evidence.quote}</blockquote>
          <figcaption>
            {formatDuration(evidence.start)}–{formatDuration(evidence.end)}{" "}
            {onPlayMoment && (
              <button type="button" onClick={() => onPlayMoment(evidence)}>
                Play moment <span class="visually-hidden">of {label}</span>
              </button>
            )}
          </figcaption>
        </figure>
      ) : (
        <p class="hint">No evidence in the lesson.</p>
      )}
      {"reasons" in question && (
        <ul class="reasons" aria-label="Rejected because">
          {question.reasons.map((reason) => (
            <li>
              <strong>{reason.check}</strong>: {reason.message}
            </li>
          ))}
        </ul>
      )}
      <details class="checks">
        <summary>
          Checks: {question.checks.filter((c) => c.passed).length} of {question.checks.length} passed
        </summary>
        <ul>
          {question.checks.map((check) => (
            <li class={check.passed ? "check-passed" : `check-failed check-${check.severity}`}>
              {check.passed ? "✓" : check.severity === "error" ? "✗" : "!"} <strong>{check.name}</strong> {check.detail}
            </li>
          ))}
        </ul>
      </details>
      {children}
    </article>
  );
}
