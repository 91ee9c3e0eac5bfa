import { useEffect, useRef, useState } from "hono/jsx/dom";
import { type ApiClient, expectOk, type Schemas } from "../api";
import { ErrorBanner } from "../components/error-banner";
import { Player } from "../components/player";
import { type Evidence, QuestionCard } from "../components/question-card";
import { type QuestionEdit, QuestionForm } from "../components/question-form";
import { QuizExports } from "../components/quiz-exports";
import { previewHref, quizzesHref } from "../route";
import type { Session } from "../session";

type Quiz = Schemas["Quiz"];
type Question = Schemas["QuizQuestion"];

/**
 * The quiz editor: every kept question with its evidence and checks (edit, reorder, delete), the rejected ones
 * with their reasons, the title, publish, and the exports. Every change is one API call, then the quiz is
 * read again, so what is shown is what the API holds (positions, checks, a rejected question joining).
 */
export function QuizEditor({ session, api, quizId }: { session: Session; api: ApiClient; quizId: string }) {
  const quizPath = { project_id: session.projectId, quiz_id: quizId };
  const [quiz, setQuiz] = useState<Quiz | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [moment, setMoment] = useState<Evidence | null>(null);
  const video = useRef<HTMLVideoElement | null>(null);

  const load = async () =>
    setQuiz(await expectOk(api.GET("/projects/{project_id}/quizzes/{quiz_id}", { params: { path: quizPath } })));
  useEffect(() => {
    load().catch(setError);
  }, [quizId]);

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      await load();
      return true;
    } catch (problem) {
      setError(problem);
      return false;
    }
  };
  const questionPath = (question: { id: string }) => ({ ...quizPath, question_id: question.id });
  const update = (question: { id: string }, body: QuestionEdit) =>
    act(() =>
      expectOk(
        api.PATCH("/projects/{project_id}/quizzes/{quiz_id}/questions/{question_id}", {
          params: { path: questionPath(question) },
          body,
        }),
      ),
    );
  const save = async (question: { id: string }, body: QuestionEdit) => {
    if (await update(question, body)) setEditing(null);
  };
  const remove = (question: Question) => {
    if (!confirm(`Delete question ${question.position}?`)) return;
    void act(() =>
      expectOk(
        api.DELETE("/projects/{project_id}/quizzes/{quiz_id}/questions/{question_id}", {
          params: { path: questionPath(question) },
        }),
      ),
    );
  };
  const patchQuiz = (body: Schemas["UpdateQuiz"]) =>
    act(() => expectOk(api.PATCH("/projects/{project_id}/quizzes/{quiz_id}", { params: { path: quizPath }, body })));
  // The player pauses at the moment's end by itself; a repeated click on the same moment plays it again.
  const playMoment = (evidence: Evidence) => {
    setMoment(evidence);
    const element = video.current;
    if (!element) return;
    element.currentTime = evidence.start;
    void element.play().catch(() => {});
  };
  const rename = (event: Event) => {
    event.preventDefault();
    const title = String(new FormData(event.target as HTMLFormElement).get("title")).trim();
    void patchQuiz({ title });
  };

  if (!quiz) return error ? <ErrorBanner error={error} /> : <p aria-live="polite">Loading the quiz…</p>;
  const count = quiz.questions.length;
  const published = quiz.status === "published";
  return (
    <section aria-labelledby="quiz-title">
      <p>
        <a href={quizzesHref(quiz.asset_id)}>All quizzes of this video</a>
      </p>
      <header class="section-head">
        <h1 id="quiz-title">{quiz.title}</h1>
        <span class={`status status-${quiz.status}`} data-testid="quiz-status">
          {quiz.status}
        </span>
      </header>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <div class="toolbar">
        <form class="inline" onSubmit={rename}>
          <label>
            Title <input name="title" value={quiz.title} required maxLength={200} />
          </label>
          <button type="submit">Rename</button>
        </form>
        {published ? (
          <>
            <button type="button" onClick={() => patchQuiz({ status: "draft" })}>
              Back to draft
            </button>
            <a href={previewHref(quiz.id)}>Preview as a learner</a>
          </>
        ) : (
          <button type="button" class="primary" onClick={() => patchQuiz({ status: "published" })}>
            Publish
          </button>
        )}
      </div>
      <QuizExports session={session} api={api} quizId={quiz.id} />
      {quiz.evidence_stale && (
        <p class="card-error">The video was transcribed again: some evidence was checked on an older transcript.</p>
      )}
      <div class="moment-player">
        <Player
          api={api}
          session={session}
          assetId={quiz.asset_id}
          start={moment?.start}
          end={moment?.end}
          onVideo={(element) => {
            video.current = element;
          }}
          label="Lesson player"
        />
      </div>
      <h2>
        Questions <span class="hint">({count})</span>
      </h2>
      <ol class="questions">
        {quiz.questions.map((question, i) => (
          <li key={question.id}>
            <QuestionCard question={question} label={`Question ${i + 1}`} onPlayMoment={playMoment}>
              {editing === question.id ? (
                <QuestionForm
                  question={question}
                  onSave={(edit) => save(question, edit)}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <div class="question-actions">
                  <button type="button" onClick={() => setEditing(question.id)}>
                    Edit <span class="visually-hidden">question {i + 1}</span>
                  </button>
                  <button type="button" disabled={i === 0} onClick={() => update(question, { position: i })}>
                    Move up <span class="visually-hidden">question {i + 1}</span>
                  </button>
                  <button
                    type="button"
                    disabled={i === count - 1}
                    onClick={() => update(question, { position: i + 2 })}
                  >
                    Move down <span class="visually-hidden">question {i + 1}</span>
                  </button>
                  <button type="button" class="danger" onClick={() => remove(question)}>
                    Delete <span class="visually-hidden">question {i + 1}</span>
                  </button>
                </div>
              )}
            </QuestionCard>
          </li>
        ))}
      </ol>
      <h2>
        Rejected <span class="hint">({quiz.rejected.length})</span>
      </h2>
      {quiz.rejected.length === 0 ? (
        <p>No question was rejected.</p>
      ) : (
        <ul class="questions rejected">
          {quiz.rejected.map((question, i) => (
            <li key={question.id}>
              <QuestionCard question={question} label={`Rejected ${i + 1}`} onPlayMoment={playMoment}>
                {editing === question.id ? (
                  <QuestionForm
                    question={question}
                    onSave={(edit) => save(question, edit)}
                    onCancel={() => setEditing(null)}
                  />
                ) : (
                  <button type="button" onClick={() => setEditing(question.id)}>
                    Fix <span class="visually-hidden">rejected question {i + 1}</span>
                  </button>
                )}
              </QuestionCard>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
