import type { LessonToolBehaviour } from "./lesson-tools";

/** Put in a prompt or transcript, it keeps the request away from behaviours queued without `match`. */
export const ISOLATED = "fake-isolated";

/** Things a test can make the fake do to the next matching request, in queue order. */
export type FakeEndpoint = "transcriptions" | "chat";

/**
 * `match` limits a behaviour to requests whose body contains that text (a marker in the prompt, tone or
 * transcript), so tests in files running side by side cannot take each other's behaviours.
 */
export type FakeBehaviour = { endpoint?: FakeEndpoint; match?: string } & (
  | { kind: "rate_limit"; retry_after?: number; retry_after_ms?: number }
  | { kind: "server_error"; status?: number }
  | { kind: "delay"; ms: number }
  | { kind: "unauthorized" }
  | { kind: "bad_request"; message?: string }
  | { kind: "drop_connection" }
  | { kind: "invalid_json" }
  | { kind: "out_of_range_scenes" }
  | { kind: "scenes"; scenes: unknown[] }
  | LessonToolBehaviour
);

export interface ReceivedAudio {
  filename: string;
  content_type: string;
  bytes: number;
  format_name: string | null;
  codec: string | null;
  sample_rate: number | null;
  channels: number | null;
  duration: number | null;
  /** Non-silent stretches the fake found (seconds within this upload); segments are laid over them. */
  speech: { start: number; end: number }[];
}

export interface ReceivedRequest {
  request_id: string;
  endpoint: FakeEndpoint | "other";
  path: string;
  received_at: number;
  /** When the answer was sent (0 while in flight); with received_at it shows how many ran at once. */
  answered_at: number;
  /** HTTP status sent; -1 for a dropped connection, 499 when the client went away before the answer. */
  status: number;
  behaviour: FakeBehaviour["kind"] | null;
  authorization: "missing" | "bearer";
  organization: string | null;
  model: string | null;
  /** Transcriptions: the multipart text fields (language, prompt, response_format, ...). */
  fields?: Record<string, string | string[]>;
  audio?: ReceivedAudio;
  /** Chat: the messages' text and the requested response_format. */
  system_prompt?: string;
  prompt?: string;
  response_format?: unknown;
}

/** Shared state behind both the in-process `control` object and the HTTP control API. */
export class FakeControl {
  private queue: FakeBehaviour[] = [];
  private log: ReceivedRequest[] = [];
  latencyMs = 0;
  /** Off: skip silencedetect and lay segments over the whole upload (ffprobe only), for load tests. */
  speechAnalysis = true;

  enqueue(...behaviours: FakeBehaviour[]): void {
    this.queue.push(...behaviours);
  }

  /** Sets a minimum time from receiving a request to answering it (the benchmark uses 2000). */
  setLatency(ms: number): void {
    this.latencyMs = Math.max(0, ms);
  }

  requests(endpoint?: FakeEndpoint): ReceivedRequest[] {
    return this.log.filter((entry) => !endpoint || entry.endpoint === endpoint);
  }

  pending(): FakeBehaviour[] {
    return [...this.queue];
  }

  reset(): void {
    this.queue = [];
    this.log = [];
    this.latencyMs = 0;
    this.speechAnalysis = true;
  }

  /**
   * Removes and returns the first queued behaviour meant for this endpoint and (with `match`) this request body.
   * A request carrying ISOLATED takes only behaviours matched to it, never one another file queued for anyone.
   */
  take(endpoint: FakeEndpoint, body: { includes(text: string): boolean }): FakeBehaviour | undefined {
    const isolated = body.includes(ISOLATED);
    const index = this.queue.findIndex(
      (b) => (!b.endpoint || b.endpoint === endpoint) && (b.match === undefined ? !isolated : body.includes(b.match)),
    );
    return index < 0 ? undefined : this.queue.splice(index, 1)[0];
  }

  record(entry: ReceivedRequest): void {
    this.log.push(entry);
  }
}
