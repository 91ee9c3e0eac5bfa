import { render, useEffect, useMemo, useState } from "hono/jsx/dom";
import { apiClient } from "./api";
import { Jobs } from "./pages/jobs";
import { Library } from "./pages/library";
import { SignIn } from "./pages/sign-in";
import { VideoPage } from "./pages/video";
import { loadSession, type Session, saveSession } from "./session";

// Pages are addressed by the URL's hash, so the Worker serves one HTML page and a reload keeps the page.
const PAGES = { library: "Library", jobs: "Jobs" } as const;
type Page = keyof typeof PAGES;
const pageFromHash = (): Page => (location.hash.replace(/^#\/?/, "") === "jobs" ? "jobs" : "library");
// `#/videos/<asset id>`: one video's page, reached from the library.
const videoFromHash = (): string | null => {
  const id = /^#\/videos\/([^/]+)$/.exec(location.hash)?.[1];
  return id ? decodeURIComponent(id) : null;
};

function Studio() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [page, setPage] = useState<Page>(pageFromHash);
  const [videoId, setVideoId] = useState<string | null>(videoFromHash);
  useEffect(() => {
    const onHash = () => {
      setPage(pageFromHash());
      setVideoId(videoFromHash());
    };
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
          {(Object.keys(PAGES) as Page[]).map((name) => (
            <a href={`#/${name}`} aria-current={page === name && !videoId ? "page" : undefined}>
              {PAGES[name]}
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
        {videoId ? (
          <VideoPage session={session} api={api} assetId={videoId} />
        ) : page === "jobs" ? (
          <Jobs session={session} api={api} />
        ) : (
          <Library session={session} api={api} />
        )}
      </main>
    </>
  );
}

const root = document.getElementById("studio");
if (root) render(<Studio />, root);
