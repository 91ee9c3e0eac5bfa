import { useEffect, useRef, useState } from "hono/jsx/dom";
import { type ApiClient, expectOk, type Schemas } from "../api";
import { isActive, watchJob } from "../job-watch";
import { watchProjectEvents } from "../project-events";
import type { Session } from "../session";

type Job = Schemas["Job"];
type JobType = Job["job_type"];

// The jobs a video page follows, in the order a lesson goes through them.
const LABELS: Partial<Record<JobType, string>> = {
  ingest: "Ingest",
  transcription: "Transcription",
  scene_detection: "Scenes",
  quiz_generation: "Quiz",
};
const jobAsset = (job: Job) => (job.payload as { asset_id?: unknown }).asset_id;

/**
 * The video's jobs with live progress: new jobs and state changes arrive over the project's event stream, the
 * progress of a running job over that job's own stream. `onFinished` hears each job that completes.
 */
export function AssetJobs({
  api,
  session,
  assetId,
  refresh,
  onFinished,
  onError,
}: {
  api: ApiClient;
  session: Session;
  assetId: string;
  /** Changed by the page after it starts a job, so the list shows it while queued. */
  refresh: number;
  onFinished: (job: Job) => void;
  onError: (error: unknown) => void;
}) {
  const [jobs, setJobs] = useState<Job[] | null>(null);
  // Status last seen per job, from the first list on: a job not seen completed before has just finished.
  const seen = useRef<Map<string, Job["status"]> | null>(null);
  const update = (job: Job) => setJobs((shown) => (shown ?? []).map((j) => (j.id === job.id ? job : j)));

  useEffect(() => {
    if (!jobs) return;
    const first = seen.current === null;
    seen.current ??= new Map();
    for (const job of jobs) {
      if (!first && job.status === "completed" && seen.current.get(job.id) !== "completed") onFinished(job);
      seen.current.set(job.id, job.status);
    }
  }, [jobs]);

  const load = async () => {
    const page = await expectOk(
      api.GET("/projects/{project_id}/jobs", {
        params: { path: { project_id: session.projectId }, query: { limit: 100 } },
      }),
    );
    setJobs(page.items.filter((j) => jobAsset(j) === assetId && j.job_type in LABELS));
  };

  useEffect(() => {
    load().catch(onError);
  }, [assetId, session.projectId, refresh]);
  useEffect(() => {
    return watchProjectEvents(api, session, (type) => {
      if (type.startsWith("job.")) load().catch(onError);
    });
  }, [assetId, session.projectId]);

  const active = (jobs ?? []).filter(isActive).map((job) => job.id);
  useEffect(() => {
    const stops = active.map((id) => watchJob(api, session, id, update, onError));
    return () => {
      for (const stop of stops) stop();
    };
  }, [active.join(",")]);

  if (!jobs?.length) return null;
  return (
    <section class="asset-jobs" aria-labelledby="asset-jobs-title">
      <h2 id="asset-jobs-title">Jobs</h2>
      <ul>
        {jobs.map((job) => (
          <li data-job-type={job.job_type} data-status={job.status}>
            <span class="job-name">{LABELS[job.job_type]}</span>
            <progress max={100} value={job.progress} aria-label={`${LABELS[job.job_type]} progress`} />
            <span class={`status status-${job.status}`}>
              {job.status === "running" ? `${job.progress}%` : job.status}
            </span>
            {job.error_message && <span class="job-error">{job.error_message}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
