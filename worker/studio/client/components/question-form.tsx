import type { Schemas } from "../api";

type Question = Schemas["QuizQuestion"];
export type QuestionEdit = Schemas["UpdateQuizQuestion"];

/**
 * Edits a question's words: stem, options (text and which are correct), accepted answers and explanation. The
 * API checks the result with the same rules as generation and answers 422 with the problem when it fails them.
 */
export function QuestionForm({
  question,
  onSave,
  onCancel,
}: {
  question: Question;
  onSave: (edit: QuestionEdit) => void;
  onCancel: () => void;
}) {
  const prefix = `edit-${question.id}`;
  const single = question.type === "multiple_choice" || question.type === "true_false";
  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const correct = new Set(form.getAll("correct").map(String));
    const edit: QuestionEdit = {
      stem: String(form.get("stem")).trim(),
      explanation: String(form.get("explanation")).trim(),
    };
    if (question.type === "short_answer") {
      edit.accepted_answers = String(form.get("accepted_answers"))
        .split("\n")
        .map((answer) => answer.trim())
        .filter(Boolean);
    } else {
      edit.options = question.options.map((option) => ({
        id: option.id,
        text: String(form.get(`option-${option.id}`)).trim(),
        correct: correct.has(option.id),
      }));
    }
    onSave(edit);
  };
  return (
    <form class="question-form" onSubmit={submit}>
      <label for={`${prefix}-stem`}>Question</label>
      <textarea id={`${prefix}-stem`} name="stem" rows={3} required value={question.stem} />
      {question.type === "short_answer" ? (
        <>
          <label for={`${prefix}-answers`}>Accepted answers (one a line)</label>
          <textarea
            id={`${prefix}-answers`}
            name="accepted_answers"
            rows={3}
            value={question.accepted_answers.join("\n")}
          />
        </>
      ) : (
        <fieldset>
          <legend>Options (mark the correct {single ? "one" : "ones"})</legend>
          {question.options.map((option, i) => (
            <div class="option-edit">
              <input
                type={single ? "radio" : "checkbox"}
                name="correct"
                value={option.id}
                checked={option.correct}
                aria-label={`Option ${i + 1} is correct`}
              />
              <input
                type="text"
                name={`option-${option.id}`}
                value={option.text}
                aria-label={`Option ${i + 1}`}
                required
                readOnly={question.type === "true_false"}
              />
            </div>
          ))}
        </fieldset>
      )}
      <label for={`${prefix}-explanation`}>Explanation</label>
      <textarea id={`${prefix}-explanation`} name="explanation" rows={2} value={question.explanation} />
      <div class="question-actions">
        <button type="submit">Save</button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
