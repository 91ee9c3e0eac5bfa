import { render, useEffect, useMemo, useState } from "hono/jsx/dom";
import { type ApiClient, apiClient } from "./api";
import { Jobs } from "./pages/jobs";
import { LearnerPreview } from "./pages/learner-preview";
import { Library } from "./pages/library";
import { QuizEditor } from "./pages/quiz-editor";
import { Quizzes } from "./pages/quizzes";
import { SignIn } from "./pages/sign-in";
import { VideoPage } from "./pages/video";
import { NAV, type Route, routeFromHash } from "./route";
import { loadSession, type Session, saveSession } from "./session";

type NavPage = keyof typeof NAV;
const navPageOf = (route: Route): NavPage | null =>
  route.page === "quiz" || route.page === "preview" ? "quizzes" : route.page === "video" ? null : route.page;

function Studio() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [route, setRoute] = useState<Route>(() => routeFromHash(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(routeFromHash(location.hash));
    addEventListener("hashchange", onHash);
    return () => removeEventListener("hashchange", onHash);
  }, []);
  const api = useMemo(() => (session ? apiClient(session) : null), [session]);

  const signIn = (next: Session | null) => {
    saveSession(next);
    setSession(next);
  };
  if (!session || !api) return <SignIn onSignedIn={signIn} />;
  return (
    <>
      <header class="top">
        <span class="brand">Studio</span>
        <nav aria-label="Studio">
          {(Object.keys(NAV) as NavPage[]).map((name) => (
            <a href={`#/${name}`} aria-current={navPageOf(route) === name ? "page" : undefined}>
              {NAV[name]}
            </a>
          ))}
        </nav>
        <span class="project">
          Project <code>{session.projectId}</code>
        </span>
        <button type="button" class="link" onClick={() => signIn(null)}>
          Sign out
        </button>
      </header>
      <main>
        <div key={JSON.stringify(route)} class="page">
          {page(route, session, api)}
        </div>
      </main>
    </>
  );
}

// Each route renders inside its own keyed element: on a route change hono/jsx/dom then drops the old page's
// element, and every node in it. Without the wrapper, switching the page component left the old page's nodes
// in place (seen in the browser tests: the library and the video page stayed under the quiz pages).
const page = (route: Route, session: Session, api: ApiClient) =>
  route.page === "video" ? (
    <VideoPage session={session} api={api} assetId={route.videoId} />
  ) : route.page === "jobs" ? (
    <Jobs session={session} api={api} />
  ) : route.page === "quizzes" ? (
    <Quizzes session={session} api={api} videoId={route.videoId} />
  ) : route.page === "quiz" ? (
    <QuizEditor session={session} api={api} quizId={route.quizId} />
  ) : route.page === "preview" ? (
    <LearnerPreview session={session} api={api} quizId={route.quizId} />
  ) : (
    <Library session={session} api={api} />
  );

const root = document.getElementById("studio");
if (root) render(<Studio />, root);
