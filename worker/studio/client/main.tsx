import { render, useEffect, useMemo, useState } from "hono/jsx/dom";
import { type ApiClient, apiClient } from "./api";
import { Jobs } from "./pages/jobs";
import { LearnerPreview } from "./pages/learner-preview";
import { Library } from "./pages/library";
import { QuizEditor } from "./pages/quiz-editor";
import { Quizzes } from "./pages/quizzes";
import { SignIn } from "./pages/sign-in";
import { NAV, type Route, routeFromHash } from "./route";
import { loadSession, type Session, saveSession } from "./session";

type NavPage = keyof typeof NAV;
const navPageOf = (route: Route): NavPage =>
  route.page === "quiz" || route.page === "preview" ? "quizzes" : route.page;

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
      <main>{page(route, session, api)}</main>
    </>
  );
}

// A ternary chain, as hono/jsx/dom replaces the page cleanly on a route change this way (a component that
// returns a different component type, or a fragment of `&&` slots, left the old page's nodes in place).
const page = (route: Route, session: Session, api: ApiClient) =>
  route.page === "jobs" ? (
    <Jobs session={session} api={api} />
  ) : route.page === "quizzes" ? (
    <Quizzes session={session} api={api} videoId={route.videoId} />
  ) : route.page === "quiz" ? (
    <QuizEditor session={session} api={api} quizId={route.quizId} key={route.quizId} />
  ) : route.page === "preview" ? (
    <LearnerPreview session={session} api={api} quizId={route.quizId} key={route.quizId} />
  ) : (
    <Library session={session} api={api} />
  );

const root = document.getElementById("studio");
if (root) render(<Studio />, root);
