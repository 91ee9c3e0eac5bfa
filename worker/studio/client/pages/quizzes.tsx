import { useEffect, useState } from "hono/jsx/dom";
import { type ApiClient, expectOk, type Schemas } from "../api";
import { ErrorBanner } from "../components/error-banner";
import { QuizGenerator } from "../components/quiz-generator";
import { formatTime } from "../format";
import { quizHref, quizzesHref } from "../route";
import type { Session } from "../session";

/** A video's quizzes: pick the video, generate a quiz for it (live), and open any of its quizzes. */
export function Quizzes({ session, api, videoId }: { session: Session; api: ApiClient; videoId: string | null }) {
  const project = { project_id: session.projectId };
  const [videos, setVideos] = useState<Schemas["Asset"][]>([]);
  const [quizzes, setQuizzes] = useState<Schemas["QuizSummary"][]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    expectOk(api.GET("/projects/{project_id}/videos", { params: { path: project, query: { limit: 100 } } }))
      .then((page) => setVideos(page.items.filter((v) => v.status === "ready")))
      .catch(setError);
  }, [session.projectId]);

  const loadQuizzes = async () => {
    const page = await expectOk(
      api.GET("/projects/{project_id}/quizzes", {
        params: { path: project, query: { limit: 50, ...(videoId ? { asset_id: videoId } : {}) } },
      }),
    );
    setQuizzes(page.items);
  };
  useEffect(() => {
    loadQuizzes().catch(setError);
  }, [session.projectId, videoId]);

  const video = videos.find((v) => v.asset_id === videoId);
  const nameOf = (assetId: string) => videos.find((v) => v.asset_id === assetId)?.original_filename ?? assetId;
  return (
    <section aria-labelledby="quizzes-title">
      <header class="section-head">
        <h1 id="quizzes-title">Quizzes{video ? ` for ${video.original_filename}` : ""}</h1>
        <span>
          <label for="quiz-video">Video</label>{" "}
          <select
            id="quiz-video"
            name="video"
            value={videoId ?? ""}
            onChange={(event: Event) => {
              location.hash = quizzesHref((event.target as HTMLSelectElement).value || undefined);
            }}
          >
            <option value="">all videos</option>
            {videos.map((v) => (
              <option value={v.asset_id}>{v.original_filename}</option>
            ))}
          </select>
        </span>
      </header>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {videoId ? (
        <QuizGenerator
          session={session}
          api={api}
          videoId={videoId}
          key={videoId}
          onGenerated={() => loadQuizzes().catch(setError)}
        />
      ) : (
        <p class="hint">Choose a video to generate a quiz for it.</p>
      )}
      <h2>Quizzes</h2>
      {quizzes.length === 0 ? (
        <p>No quizzes yet.</p>
      ) : (
        <table class="jobs quizzes">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Video</th>
              <th scope="col">Questions</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {quizzes.map((quiz) => (
              <tr key={quiz.id} data-quiz-id={quiz.id}>
                <td>
                  <a href={quizHref(quiz.id)}>{quiz.title}</a>
                </td>
                <td>{nameOf(quiz.asset_id)}</td>
                <td>{quiz.question_count}</td>
                <td class={`status status-${quiz.status}`}>{quiz.status}</td>
                <td>{formatTime(quiz.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
