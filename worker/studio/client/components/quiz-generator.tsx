import { useState } from "hono/jsx/dom";
import { type ApiClient, expectOk, type Schemas } from "../api";
import { quizHref } from "../route";
import type { Session } from "../session";
import { ErrorBanner } from "./error-banner";
import { JobProgress } from "./job-progress";

type QuestionType = Schemas["QuizQuestion"]["type"];
const TYPES: { value: QuestionType; label: string }[] = [
  { value: "multiple_choice", label: "Multiple choice" },
  { value: "multiple_response", label: "Multiple response" },
  { value: "true_false", label: "True or false" },
  { value: "short_answer", label: "Short answer" },
];
const DIFFICULTIES = ["mixed", "easy", "medium", "hard"] as const;

/** The generate form (number, types, difficulty, focus) for one video, then its quiz_generation job, live. */
export function QuizGenerator({
  session,
  api,
  videoId,
  onGenerated,
}: {
  session: Session;
  api: ApiClient;
  videoId: string;
  onGenerated: () => void;
}) {
  const [jobId, setJobId] = useState<string | null>(null);
  const [quizId, setQuizId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const types = form.getAll("question_types").map(String) as QuestionType[];
    const focus = String(form.get("focus") ?? "").trim();
    setBusy(true);
    setError(null);
    setQuizId(null);
    try {
      const job = await expectOk(
        api.POST("/projects/{project_id}/jobs", {
          params: { path: { project_id: session.projectId } },
          body: {
            job_type: "quiz_generation",
            payload: {
              asset_id: videoId,
              num_questions: Number(form.get("num_questions")),
              question_types: types,
              difficulty: String(form.get("difficulty")) as (typeof DIFFICULTIES)[number],
              verify: true,
              ...(focus ? { focus } : {}),
            },
          },
        }),
      );
      setJobId(job.id);
    } catch (problem) {
      setError(problem);
      setBusy(false);
    }
  };

  const ended = (job: Schemas["Job"]) => {
    setBusy(false);
    const result = job.result as { quiz_id?: unknown } | null;
    if (job.status === "completed" && typeof result?.quiz_id === "string") setQuizId(result.quiz_id);
    onGenerated();
  };

  return (
    <form class="generate" onSubmit={submit} aria-labelledby="generate-title">
      <h2 id="generate-title">Generate a quiz</h2>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <label>
        Number of questions <input type="number" name="num_questions" min={1} max={50} value="5" required />
      </label>
      <fieldset>
        <legend>Question types</legend>
        {TYPES.map((type) => (
          <label>
            <input
              type="checkbox"
              name="question_types"
              value={type.value}
              checked={type.value === "multiple_choice" || type.value === "true_false"}
            />{" "}
            {type.label}
          </label>
        ))}
      </fieldset>
      <label>
        Difficulty{" "}
        <select name="difficulty">
          {DIFFICULTIES.map((d) => (
            <option value={d}>{d}</option>
          ))}
        </select>
      </label>
      <label>
        Focus <span class="hint">(optional)</span>
        <textarea name="focus" rows={2} maxLength={2000} />
      </label>
      <button type="submit" disabled={busy}>
        Generate
      </button>
      {jobId && (
        <JobProgress session={session} api={api} jobId={jobId} label="Quiz generation" onEnded={ended} key={jobId} />
      )}
      {quizId && (
        <p>
          Quiz ready: <a href={quizHref(quizId)}>Open the quiz editor</a>
        </p>
      )}
    </form>
  );
}
