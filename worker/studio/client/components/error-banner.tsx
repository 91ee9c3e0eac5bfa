import { ApiProblem } from "../api";

/** An API failure as the user should see it: the API's message, its code and the request id to quote. */
export function ErrorBanner({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  if (!error) return null;
  const problem = error instanceof ApiProblem ? error : null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div class="error" role="alert">
      <strong>{problem ? `${problem.code} (${problem.status})` : "Error"}</strong> {message}
      {problem?.requestId && (
        <span class="request-id">
          {" "}
          Request id: <code>{problem.requestId}</code>
        </span>
      )}
      {onDismiss && (
        <button type="button" class="link" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
