import { useEffect, useState } from "hono/jsx/dom";
import { type ApiClient, expectOk, type Schemas } from "../api";
import { ErrorBanner } from "../components/error-banner";
import { formatTime } from "../format";
import { watchProjectEvents } from "../project-events";
import type { Session } from "../session";

type Job = Schemas["Job"];
type JobStatus = Job["status"];
const STATUSES: JobStatus[] = ["queued", "running", "completed", "failed", "cancelled"];
const ACTIVE: JobStatus[] = ["queued", "running"];
// Progress of running jobs is polled at this pace; state changes arrive at once over the project stream.
const RUNNING_POLL_MS = 2000;

/** The project's jobs, live: status filter, logs, cancel, and retry (a new job with the same type and payload). */
export function Jobs({ session, api }: { session: Session; api: ApiClient }) {
  const project = { project_id: session.projectId };
  const [status, setStatus] = useState<JobStatus | "">("");
  const [jobs, setJobs] = useState<Job[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = async () => {
    const page = await expectOk(
      api.GET("/projects/{project_id}/jobs", {
        params: { path: project, query: { limit: 50, ...(status ? { status } : {}) } },
      }),
    );
    setJobs(page.items);
  };

  useEffect(() => {
    load().catch(setError);
    const stop = watchProjectEvents(api, session, (type) => {
      if (type.startsWith("job.")) load().catch(setError);
    });
    return stop;
  }, [session.projectId, status]);

  const running = jobs.some((job) => ACTIVE.includes(job.status));
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => load().catch(setError), RUNNING_POLL_MS);
    return () => clearInterval(timer);
  }, [running, status]);

  const act = async (work: Promise<unknown>) => {
    try {
      await work;
      await load();
    } catch (problem) {
      setError(problem);
    }
  };
  const cancel = (job: Job) =>
    act(
      expectOk(
        api.POST("/projects/{project_id}/jobs/{job_id}/cancel", { params: { path: { ...project, job_id: job.id } } }),
      ),
    );
  const retry = (job: Job) =>
    act(
      expectOk(
        api.POST("/projects/{project_id}/jobs", {
          params: { path: project },
          // The job's own type and payload were valid when it was created; the API validates them again.
          body: { job_type: job.job_type, payload: job.payload } as Schemas["CreateJobRequest"],
        }),
      ),
    );

  return (
    <section aria-labelledby="jobs-title">
      <header class="section-head">
        <h1 id="jobs-title">Jobs</h1>
        <label>
          Status{" "}
          <select
            name="status"
            value={status}
            onChange={(event: Event) => setStatus((event.target as HTMLSelectElement).value as JobStatus | "")}
          >
            <option value="">all</option>
            {STATUSES.map((s) => (
              <option value={s}>{s}</option>
            ))}
          </select>
        </label>
      </header>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {jobs.length === 0 ? (
        <p>No jobs{status ? ` with status ${status}` : ""}.</p>
      ) : (
        <table class="jobs">
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
              <th scope="col">Progress</th>
              <th scope="col">Created</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <>
                <tr key={job.id} data-job-id={job.id}>
                  <td>{job.job_type}</td>
                  <td class={`status status-${job.status}`}>{job.status}</td>
                  <td>
                    <progress max={100} value={job.progress} aria-label={`${job.job_type} progress`} /> {job.progress}%
                  </td>
                  <td>{formatTime(job.created_at)}</td>
                  <td class="actions">
                    <button
                      type="button"
                      aria-expanded={open === job.id}
                      onClick={() => setOpen(open === job.id ? null : job.id)}
                    >
                      Logs
                    </button>
                    {ACTIVE.includes(job.status) && (
                      <button type="button" class="danger" onClick={() => cancel(job)}>
                        Cancel
                      </button>
                    )}
                    {(job.status === "failed" || job.status === "cancelled") && (
                      <button type="button" onClick={() => retry(job)}>
                        Retry
                      </button>
                    )}
                  </td>
                </tr>
                {open === job.id && (
                  <tr class="logs">
                    <td colSpan={5}>
                      {job.error_message && <p class="card-error">{job.error_message}</p>}
                      <ol>
                        {job.logs.map((log) => (
                          <li class={`log log-${log.level}`}>
                            <time>{formatTime(log.timestamp)}</time> {log.message}
                          </li>
                        ))}
                      </ol>
                    </td>
                  </tr>
                )}
              </>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
