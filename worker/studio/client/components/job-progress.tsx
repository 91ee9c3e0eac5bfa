import { useEffect, useState } from "hono/jsx/dom";
import { type ApiClient, expectOk, type Schemas } from "../api";
import { watchProjectEvents } from "../project-events";
import type { Session } from "../session";
import { ErrorBanner } from "./error-banner";

type Job = Schemas["Job"];
const TERMINAL: Job["status"][] = ["completed", "failed", "cancelled"];
// As on the jobs page: state changes arrive over the project stream at once, progress is polled at this pace.
const RUNNING_POLL_MS = 1000;

/**
 * One job, live: its status, progress and newest log line, until it ends; then `onEnded` gets the final job.
 * Progress within a phase is not an event of the project stream, so a running job is also read on a timer.
 */
export function JobProgress({
  session,
  api,
  jobId,
  label,
  onEnded,
}: {
  session: Session;
  api: ApiClient;
  jobId: string;
  label: string;
  onEnded: (job: Job) => void;
}) {
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let ended = false;
    const read = async () => {
      if (ended) return;
      const next = await expectOk(
        api.GET("/projects/{project_id}/jobs/{job_id}", {
          params: { path: { project_id: session.projectId, job_id: jobId } },
        }),
      );
      if (ended) return;
      setJob(next);
      if (TERMINAL.includes(next.status)) {
        ended = true;
        stop();
        clearInterval(timer);
        onEnded(next);
      }
    };
    const stop = watchProjectEvents(api, session, (type) => {
      if (type.startsWith("job.") || type === "quiz.ready") read().catch(setError);
    });
    const timer = setInterval(() => read().catch(setError), RUNNING_POLL_MS);
    read().catch(setError);
    return () => {
      ended = true;
      stop();
      clearInterval(timer);
    };
  }, [jobId]);

  const lastLog = job?.logs.at(-1)?.message;
  return (
    <div class="job-progress" data-job-id={jobId} data-status={job?.status ?? "queued"}>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <p>
        {label}: <span class={`status status-${job?.status ?? "queued"}`}>{job?.status ?? "queued"}</span>
      </p>
      <progress max={100} value={job?.progress ?? 0} aria-label={`${label} progress`} /> {job?.progress ?? 0}%
      <p class="hint" aria-live="polite">
        {lastLog ?? ""}
      </p>
      {job?.error_message && <p class="card-error">{job.error_message}</p>}
    </div>
  );
}
