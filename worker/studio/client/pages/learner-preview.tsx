import { useEffect, useRef, useState } from "hono/jsx/dom";
import { type ApiClient, apiClient, expectOk, type Schemas } from "../api";
import { AttemptResult, type ReviewWindow } from "../components/attempt-result";
import { CueQuestion, type GivenAnswer } from "../components/cue-question";
import { ErrorBanner } from "../components/error-banner";
import { quizHref } from "../route";
import type { Session } from "../session";

type Attempt = Schemas["AttemptStart"];
interface Preview {
  quiz: Schemas["Quiz"];
  token: string;
  learner: ApiClient;
  attempt: Attempt;
}

/**
 * The quiz as a learner takes it: a learner token for a throwaway learner id, an attempt, and the lesson played
 * with the quiz's cue track. Both reach the video by `?token=`, as a learner's page would. The video pauses
 * at each question's cue; answers are saved through the attempt API, the score comes from its submit, and a
 * wrong answer offers its review window in the same player.
 */
export function LearnerPreview({ session, api, quizId }: { session: Session; api: ApiClient; quizId: string }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [asking, setAsking] = useState<string | null>(null);
  const [answered, setAnswered] = useState<string[]>([]);
  const [result, setResult] = useState<NonNullable<Schemas["AttemptResult"]> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [started, setStarted] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const reviewEnd = useRef<number | null>(null);
  // Read by media event listeners, which outlive a render: refs, not state.
  const asked = useRef(new Set<string>());

  useEffect(() => {
    const path = { project_id: session.projectId, quiz_id: quizId };
    (async () => {
      const quiz = await expectOk(api.GET("/projects/{project_id}/quizzes/{quiz_id}", { params: { path } }));
      const minted = await expectOk(
        api.POST("/projects/{project_id}/quizzes/{quiz_id}/learner-tokens", {
          params: { path },
          body: { learner_id: `studio-preview-${crypto.randomUUID()}` },
        }),
      );
      const learner = apiClient({ projectId: session.projectId, key: minted.token });
      const attempt = await expectOk(
        learner.POST("/projects/{project_id}/quizzes/{quiz_id}/attempts", { params: { path }, body: {} }),
      );
      setPreview({ quiz, token: minted.token, learner, attempt });
    })().catch(setError);
  }, [quizId]);

  const ask = (id: string) => {
    if (asked.current.has(id) || !preview?.attempt.questions.some((q) => q.id === id)) return;
    asked.current.add(id);
    video.current?.pause();
    setAsking(id);
  };
  // Cues are wired once the video and its track exist; `cuechange` fires as playback enters each cue.
  useEffect(() => {
    const element = video.current;
    const track = Array.from(element?.textTracks ?? []).find((t) => t.kind === "metadata");
    if (!element || !track || !preview) return;
    track.mode = "hidden";
    const onCue = () => {
      for (const cue of Array.from(track.activeCues ?? [])) {
        const payload = JSON.parse((cue as VTTCue).text) as { id: string };
        ask(payload.id);
      }
    };
    // A question whose cue lies at the very end (or that has none) is asked when the lesson ends.
    const onEnded = () => {
      const next = preview.attempt.questions.find((q) => !asked.current.has(q.id));
      if (next) ask(next.id);
    };
    const onTime = () => {
      if (reviewEnd.current !== null && element.currentTime >= reviewEnd.current) {
        reviewEnd.current = null;
        element.pause();
      }
    };
    track.addEventListener("cuechange", onCue);
    element.addEventListener("ended", onEnded);
    element.addEventListener("timeupdate", onTime);
    return () => {
      track.removeEventListener("cuechange", onCue);
      element.removeEventListener("ended", onEnded);
      element.removeEventListener("timeupdate", onTime);
    };
  }, [preview]);

  if (!preview) return error ? <ErrorBanner error={error} /> : <p aria-live="polite">Starting the preview…</p>;
  const { quiz, token, learner, attempt } = preview;
  const attemptPath = { project_id: session.projectId, quiz_id: quizId, attempt_id: attempt.attempt_id };
  const question = attempt.questions.find((q) => q.id === asking);

  const answer = async (given: GivenAnswer) => {
    if (!question) return;
    setError(null);
    try {
      await expectOk(
        learner.PUT("/projects/{project_id}/quizzes/{quiz_id}/attempts/{attempt_id}/answers/{question_id}", {
          params: { path: { ...attemptPath, question_id: question.id } },
          body: given,
        }),
      );
      setAnswered((done) => [...done, question.id]);
      setAsking(null);
      const element = video.current;
      if (!element) return;
      if (!element.ended) void element.play();
      else element.dispatchEvent(new Event("ended"));
    } catch (problem) {
      setError(problem);
    }
  };
  const submit = async () => {
    setError(null);
    try {
      setResult(
        await expectOk(
          learner.POST("/projects/{project_id}/quizzes/{quiz_id}/attempts/{attempt_id}/submit", {
            params: { path: attemptPath },
          }),
        ),
      );
    } catch (problem) {
      setError(problem);
    }
  };
  const review = (window: ReviewWindow) => {
    const element = video.current;
    if (!element) return;
    reviewEnd.current = window.end;
    element.currentTime = window.start;
    void element.play();
  };

  const media = (path: string) => `${path}?token=${encodeURIComponent(token)}`;
  const base = `/projects/${encodeURIComponent(session.projectId)}`;
  const number = question ? attempt.questions.indexOf(question) + 1 : 0;
  return (
    <section aria-labelledby="preview-title">
      <p>
        <a href={quizHref(quizId)}>Back to the editor</a>
      </p>
      <h1 id="preview-title">Learner preview: {quiz.title}</h1>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <p class="hint">
        Version {attempt.quiz_version}, {attempt.questions.length} questions. Answered {answered.length}.
      </p>
      <video
        ref={video}
        class="lesson"
        controls
        preload="auto"
        src={media(`${base}/videos/${encodeURIComponent(quiz.asset_id)}/content`)}
        aria-label={`Lesson video for ${quiz.title}`}
      >
        <track
          kind="metadata"
          default
          label="Questions"
          src={`${media(`${base}/quizzes/${encodeURIComponent(quizId)}/export`)}&format=vtt`}
        />
        <track
          kind="captions"
          label="Captions"
          srclang={quiz.language}
          src={`${media(`${base}/videos/${encodeURIComponent(quiz.asset_id)}/ai/transcript`)}&format=vtt`}
        />
      </video>
      {!started && (
        <button
          type="button"
          class="primary"
          onClick={() => {
            setStarted(true);
            void video.current?.play();
          }}
        >
          Start the lesson
        </button>
      )}
      {question && <CueQuestion question={question} number={number} onAnswer={answer} key={question.id} />}
      {result ? (
        <AttemptResult result={result} questions={attempt.questions} onReview={review} />
      ) : (
        <button type="button" class="primary" onClick={submit} disabled={!!question}>
          Submit answers
        </button>
      )}
    </section>
  );
}
