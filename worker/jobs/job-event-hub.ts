import { SseConnection } from "../events/sse-connection";
import type { JobEvent } from "./job-store";

/**
 * Heartbeat interval of SSE streams. Tests and the event benchmark shorten it; nothing else should.
 * Read when a stream opens, so a change applies to streams opened afterwards.
 */
export const jobEventStreamOptions = { heartbeatMs: 15_000 };

/** WebSocket close code and reason sent after the job's terminal event. */
export const JOB_FINISHED_CLOSE = { code: 1000, reason: "job finished" } as const;

const encoder = new TextEncoder();

/** One SSE frame per event; `id:` lets a reconnecting client ask for what it missed with Last-Event-ID. */
export function sseFrame(event: JobEvent): string {
  return `id: ${event.seq}\nevent: job\ndata: ${event.data}\n\n`;
}

/** The WebSocket message for an event: the same job payload, with the same sequence id. */
export function wsMessage(event: JobEvent): string {
  return `{"id":${event.seq},"job":${event.data}}`;
}

/**
 * Fans a job's events out to its live subscribers. WebSockets use the hibernation API, so they are found
 * through ctx.getWebSockets() and survive the object sleeping; SSE streams live as long as this instance.
 */
export class JobEventHub {
  private readonly sse = new Set<SseConnection>();

  constructor(private readonly ctx: DurableObjectState) {}

  openSse(events: JobEvent[], terminal: boolean): Response {
    const client: SseConnection = new SseConnection(
      () => this.sse.delete(client),
      terminal ? null : jobEventStreamOptions.heartbeatMs,
    );
    for (const event of events) client.write(sseFrame(event));
    if (terminal) client.close();
    else this.sse.add(client);
    return client.response;
  }

  openWebSocket(events: JobEvent[], terminal: boolean): Response {
    const [client, server] = Object.values(new WebSocketPair()) as [WebSocket, WebSocket];
    this.ctx.acceptWebSocket(server, ["job"]);
    for (const event of events) server.send(wsMessage(event));
    if (terminal) server.close(JOB_FINISHED_CLOSE.code, JOB_FINISHED_CLOSE.reason);
    return new Response(null, { status: 101, webSocket: client });
  }

  publish(event: JobEvent, terminal: boolean): void {
    // Encoded once for every subscriber: with hundreds of them this is most of the work per event.
    const frame = encoder.encode(sseFrame(event));
    for (const client of this.sse) {
      client.write(frame);
      if (terminal) client.close();
    }
    const message = wsMessage(event);
    for (const socket of this.ctx.getWebSockets()) {
      try {
        socket.send(message);
        if (terminal) socket.close(JOB_FINISHED_CLOSE.code, JOB_FINISHED_CLOSE.reason);
      } catch {
        // The socket is already closing; its close handler cleans up.
      }
    }
  }

  /** Ends every stream, e.g. when the job is discarded. */
  closeAll(): void {
    for (const client of this.sse) client.close();
    for (const socket of this.ctx.getWebSockets()) socket.close(1001, "job removed");
  }
}
