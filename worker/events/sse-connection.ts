const encoder = new TextEncoder();

/** Headers of every event stream this API serves. */
export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
};

/**
 * One Server-Sent Events response, written from a Durable Object. While a write is in flight, later frames wait
 * and then leave as one chunk: a slow subscriber (or a busy runtime) gets fewer, larger writes instead of an ever
 * longer backlog, in order. `onGone` runs once when the stream ends, by close() or because the subscriber left.
 */
export class SseConnection {
  readonly response: Response;
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private pending: Uint8Array[] = [];
  private writing = false;
  private ending = false;
  private gone = false;

  constructor(
    private readonly onGone: () => void,
    heartbeatMs: number | null,
  ) {
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
    this.writer = writable.getWriter();
    this.response = new Response(readable, { headers: SSE_HEADERS });
    this.write("retry: 2000\n\n");
    if (heartbeatMs !== null) this.heartbeat = setInterval(() => this.write(": heartbeat\n\n"), heartbeatMs);
  }

  /** Queues a frame (encode it once when it goes to many subscribers). */
  write(chunk: string | Uint8Array): void {
    if (this.ending) return;
    this.pending.push(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
    if (!this.writing) void this.drain();
  }

  /** Ends the stream once everything queued for it has been written. */
  close(): void {
    this.stop();
    if (this.ending) return;
    this.ending = true;
    if (!this.writing) void this.drain();
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.pending.length > 0) {
        const chunks = this.pending.splice(0);
        await this.writer.write(chunks.length === 1 ? (chunks[0] as Uint8Array) : concat(chunks));
      }
      if (this.ending) await this.writer.close();
    } catch {
      // The subscriber went away.
      this.ending = true;
      this.stop();
    } finally {
      this.writing = false;
    }
  }

  private stop(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    if (this.gone) return;
    this.gone = true;
    this.onGone();
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
