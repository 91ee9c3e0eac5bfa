import type { Schemas } from "../api";

type LearnerQuestion = Schemas["LearnerQuestion"];
export type GivenAnswer = Schemas["GivenAnswer"];

/** One question as the learner sees it when the lesson pauses at its cue; the answer goes to `onAnswer`. */
export function CueQuestion({
  question,
  number,
  onAnswer,
}: {
  question: LearnerQuestion;
  number: number;
  onAnswer: (answer: GivenAnswer) => void;
}) {
  const headingId = `ask-${question.id}`;
  const single = question.type !== "multiple_response";
  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    if (question.type === "short_answer") onAnswer({ text: String(form.get("text") ?? "").trim() });
    else {
      const chosen = form.getAll("option").map(String);
      if (chosen.length > 0) onAnswer({ option_ids: chosen });
    }
  };
  return (
    <form class="cue-question" data-question-id={question.id} onSubmit={submit} aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        Question {number}: {question.stem}
      </h2>
      {question.type === "short_answer" ? (
        <label>
          Your answer <input type="text" name="text" required maxLength={500} />
        </label>
      ) : (
        <fieldset>
          <legend>{single ? "Choose one" : "Choose all that apply"}</legend>
          {question.options.map((option) => (
            <label class="choice">
              <input type={single ? "radio" : "checkbox"} name="option" value={option.id} required={single} />{" "}
              {option.text}
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" class="primary">
        Answer and continue
      </button>
    </form>
  );
}
