import type { ApiClient, Schemas } from "./api";
import type { Session } from "./session";
import { mintStreamToken, withAccessToken } from "./stream-token";

type Job = Schemas["Job"];
const TERMINAL: Job["status"][] = ["completed", "failed", "cancelled"];

/**
 * Calls `onJob` with every snapshot of one job (progress included), live, over its SSE stream, until it ends.
 * The stream closes itself after the terminal snapshot; EventSource would reconnect, so it is closed here.
 */
export function watchJob(
  api: ApiClient,
  session: Session,
  jobId: string,
  onJob: (job: Job) => void,
  onError: (error: unknown) => void,
): () => void {
  let source: EventSource | null = null;
  let stopped = false;
  mintStreamToken(api, session.projectId)
    .then((token) => {
      if (stopped) return;
      const path = `/projects/${encodeURIComponent(session.projectId)}/jobs/${encodeURIComponent(jobId)}/events`;
      source = new EventSource(withAccessToken(path, token));
      source.addEventListener("job", (message) => {
        const job = JSON.parse((message as MessageEvent<string>).data) as Job;
        onJob(job);
        if (TERMINAL.includes(job.status)) source?.close();
      });
    })
    .catch(onError);
  return () => {
    stopped = true;
    source?.close();
  };
}

export const isActive = (job: Job) => !TERMINAL.includes(job.status);
