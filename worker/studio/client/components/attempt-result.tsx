import type { Schemas } from "../api";
import { formatDuration } from "../format";

type Result = NonNullable<Schemas["AttemptResult"]>;
export type ReviewWindow = NonNullable<Result["results"][number]["review"]>;

/** The score of a submitted attempt and each question's outcome; a wrong answer offers its review moment. */
export function AttemptResult({
  result,
  questions,
  onReview,
}: {
  result: Result;
  questions: Schemas["LearnerQuestion"][];
  onReview: (window: ReviewWindow) => void;
}) {
  const stemOf = (id: string) => questions.find((q) => q.id === id)?.stem ?? id;
  return (
    <section class="attempt-result" aria-labelledby="score-title">
      <h2 id="score-title" data-testid="score" tabIndex={-1}>
        Score: {result.score} of {result.max_score} ({Math.round(result.percent * 10) / 10}%)
      </h2>
      <ol>
        {result.results.map((item) => (
          <li data-question-id={item.question_id} data-correct={String(item.correct)}>
            <strong>{item.correct ? "Right" : "Wrong"}</strong>: {stemOf(item.question_id)}
            {item.explanation && <p class="explanation">{item.explanation}</p>}
            {!item.correct && item.review && (
              <button type="button" onClick={() => item.review && onReview(item.review)}>
                Review the moment ({formatDuration(item.review.start)}–{formatDuration(item.review.end)})
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
