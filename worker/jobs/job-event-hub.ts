import type { JobEvent } from "./job-store";

/**
 * Heartbeat interval of SSE streams. Tests and the event benchmark shorten it; nothing else should.
 * Read when a stream opens, so a change applies to streams opened afterwards.
 */
export const jobEventStreamOptions = { heartbeatMs: 15_000 };

/** WebSocket close code and reason sent after the job's terminal event. */
export const JOB_FINISHED_CLOSE = { code: 1000, reason: "job finished" } as const;

interface SseClient {
  writer: WritableStreamDefaultWriter<Uint8Array>;
  heartbeat: ReturnType<typeof setInterval> | null;
  /** Frames waiting while a write is in flight; sent together as one chunk. */
  pending: Uint8Array[];
  writing: boolean;
  ending: boolean;
}

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
  private readonly sse = new Set<SseClient>();

  constructor(private readonly ctx: DurableObjectState) {}

  openSse(events: JobEvent[], terminal: boolean): Response {
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
    const client: SseClient = {
      writer: writable.getWriter(),
      heartbeat: null,
      pending: [],
      writing: false,
      ending: false,
    };
    this.write(client, "retry: 2000\n\n");
    for (const event of events) this.write(client, sseFrame(event));
    if (terminal) {
      this.close(client);
    } else {
      this.sse.add(client);
      client.heartbeat = setInterval(() => this.write(client, ": heartbeat\n\n"), jobEventStreamOptions.heartbeatMs);
    }
    return new Response(readable, {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-cache, no-transform",
        "X-Accel-Buffering": "no",
      },
    });
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
      this.write(client, frame);
      if (terminal) this.close(client);
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
    for (const client of this.sse) this.close(client);
    for (const socket of this.ctx.getWebSockets()) socket.close(1001, "job removed");
  }

  /**
   * Queues a frame. While a write is in flight, later frames wait and then leave as one chunk: a slow
   * subscriber (or a busy runtime) gets fewer, larger writes instead of an ever longer backlog, in order.
   */
  private write(client: SseClient, chunk: string | Uint8Array): void {
    if (client.ending) return;
    client.pending.push(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
    if (!client.writing) void this.drain(client);
  }

  private async drain(client: SseClient): Promise<void> {
    client.writing = true;
    try {
      while (client.pending.length > 0) {
        const chunks = client.pending.splice(0);
        await client.writer.write(chunks.length === 1 ? (chunks[0] as Uint8Array) : concat(chunks));
      }
      if (client.ending) await client.writer.close();
    } catch {
      // The subscriber went away.
      client.ending = true;
      this.stop(client);
    } finally {
      client.writing = false;
    }
  }

  /** Ends the stream once everything queued for it has been written. */
  private close(client: SseClient): void {
    this.stop(client);
    if (client.ending) return;
    client.ending = true;
    if (!client.writing) void this.drain(client);
  }

  private stop(client: SseClient): void {
    if (client.heartbeat) clearInterval(client.heartbeat);
    client.heartbeat = null;
    this.sse.delete(client);
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
