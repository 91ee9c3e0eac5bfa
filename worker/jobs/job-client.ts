import type { InitJobInput } from "./job";
import type { JobObject } from "./job-object";

/**
 * A job's Durable Object, seen from the rest of the Worker (routes, job creation, the scheduler): the one
 * place that builds its stub. Every method is typed RPC; the results need no casts because nothing in `Job`
 * is `unknown` (Workers RPC turns `unknown` into `never`; see JsonObject in db/schema/columns.ts). Return types
 * are the RPC types on purpose: an annotation would hide a result the RPC types had turned into `never`.
 */
export class JobClient {
  private readonly stub: DurableObjectStub<JobObject>;

  constructor(namespace: DurableObjectNamespace<JobObject>, jobId: string) {
    this.stub = namespace.get(namespace.idFromName(jobId));
  }

  /** Creates the job, queued; returns the existing job when it was already created. */
  init(input: InitJobInput) {
    return this.stub.init(input);
  }

  get() {
    return this.stub.get();
  }

  /** A run slot was granted: starts the due attempt on that media instance, which goes on after the answer. */
  start(instance: number) {
    return this.stub.start(instance);
  }

  /** Whether the object is running an attempt in memory right now. */
  isRunning() {
    return this.stub.isRunning();
  }

  cancel() {
    return this.stub.cancel();
  }

  /** Fails the job because the queue could not deliver its message. */
  deadLetter(reason: string) {
    return this.stub.deadLetter(reason);
  }

  /** Removes the job's state, for a creation that could not complete. */
  discard() {
    return this.stub.discard();
  }

  /** The job's live events: SSE, or a WebSocket when `upgrade` is set. `lastEventId` replays what was missed. */
  events(options: { upgrade: boolean; lastEventId?: string }) {
    const headers = new Headers();
    if (options.upgrade) headers.set("Upgrade", "websocket");
    if (options.lastEventId) headers.set("Last-Event-ID", options.lastEventId);
    return this.stub.fetch(`https://job.internal/${options.upgrade ? "ws" : "events"}`, { headers });
  }
}
