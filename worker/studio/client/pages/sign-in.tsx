import { useState } from "hono/jsx/dom";
import { ApiProblem, apiClient, expectOk } from "../api";
import { ErrorBanner } from "../components/error-banner";
import type { Session } from "../session";

/**
 * Signs in with a project id and a credential for it: the project's API key, or the admin key (which opens any
 * project id, so entering a new one starts a new project). The credential is checked with one cheap read.
 */
export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const session = { projectId: String(form.get("project_id")).trim(), key: String(form.get("key")).trim() };
    setBusy(true);
    setError(null);
    try {
      await expectOk(
        apiClient(session).GET("/projects/{project_id}/videos", {
          params: { path: { project_id: session.projectId }, query: { limit: 1 } },
        }),
      );
      onSignedIn(session);
    } catch (problem) {
      setError(problem instanceof ApiProblem || problem instanceof Error ? problem : new Error(String(problem)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="sign-in">
      <h1>Studio</h1>
      <p>Sign in with a project API key, or with the admin key to open or start any project.</p>
      <form onSubmit={submit}>
        <label for="project_id">Project id</label>
        <input id="project_id" name="project_id" required pattern="[A-Za-z0-9][A-Za-z0-9_\-]{0,63}" />
        <label for="key">API key</label>
        <input id="key" name="key" type="password" required autocomplete="off" />
        <button type="submit" disabled={busy}>
          {busy ? "Checking…" : "Sign in"}
        </button>
      </form>
      <ErrorBanner error={error} />
      <p class="hint">The key stays in this browser tab only and is forgotten when the tab closes.</p>
    </main>
  );
}
