import type { ApiClient } from "./api";
import type { Session } from "./session";
import { mintStreamToken } from "./stream-token";

/**
 * Calls `onEvent` with the type of every event of the project, live, over the project's SSE stream.
 * EventSource cannot send headers, so a short stream token goes in `?access_token=`; EventSource reconnects by
 * itself with Last-Event-ID while the token is valid, and a fresh token is minted when it is not.
 */
export function watchProjectEvents(api: ApiClient, session: Session, onEvent: (type: string) => void): () => void {
  let source: EventSource | null = null;
  let stopped = false;
  let lastEventId = "";

  const open = async () => {
    const token = await mintStreamToken(api, session.projectId);
    if (stopped) return;
    const query = new URLSearchParams({ access_token: token });
    if (lastEventId) query.set("last_event_id", lastEventId);
    source = new EventSource(`/projects/${encodeURIComponent(session.projectId)}/events?${query}`);
    source.onmessage = (message) => {
      lastEventId = message.lastEventId || lastEventId;
      onEvent(message.type);
    };
    // Named events (`event: job.completed`) do not reach onmessage; the stream names every event.
    for (const type of JOB_AND_ASSET_EVENTS) {
      source.addEventListener(type, (message) => {
        lastEventId = (message as MessageEvent).lastEventId || lastEventId;
        onEvent(type);
      });
    }
    source.onerror = () => {
      // Closed for good (e.g. the token expired): open again with a new token, from the last event seen.
      if (source?.readyState === EventSource.CLOSED && !stopped) setTimeout(() => void open().catch(() => {}), 2000);
    };
  };
  void open().catch(() => {});
  return () => {
    stopped = true;
    source?.close();
  };
}

const JOB_AND_ASSET_EVENTS = [
  "job.started",
  "job.completed",
  "job.failed",
  "job.cancelled",
  "asset.ready",
  "asset.failed",
  "asset.deleted",
  "upload.completed",
  "transcript.ready",
  "scenes.ready",
  "quiz.ready",
  "export.ready",
] as const;
