import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import {
  type CustomEvent,
  type ErrorEvent,
  encodeLine,
  isReservedEventType,
  type LogEvent,
  type ResultEvent,
} from "./contract";

/** The consumer went away (client disconnect); the op should stop. */
export class StreamClosedError extends Error {
  override name = "StreamClosedError";
}

/**
 * Writes the ndjson event stream (and raw file sections) that forms a work response body.
 * Every write waits for backpressure, so a slow reader slows the op instead of filling memory.
 */
export class EventWriter {
  readonly readable: ReadableStream<Uint8Array>;
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>;
  private terminal = false;
  private lastPercent = -1;
  private chain: Promise<void> = Promise.resolve();

  /**
   * `onClosed` fires once if the consumer cancels the stream before we finish. `clientGone` (the request's
   * signal) makes pending writes fail at once instead of waiting on backpressure from a reader that left.
   */
  constructor(
    onClosed: (reason: unknown) => void,
    private readonly clientGone?: AbortSignal,
  ) {
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>(
      undefined,
      undefined,
      new ByteLengthQueuingStrategy({ highWaterMark: 256 * 1024 }),
    );
    this.readable = readable;
    this.writer = writable.getWriter();
    this.writer.closed.catch((reason) => onClosed(reason));
  }

  /** Integer percent; repeats and regressions are dropped so progress never spams or goes backwards. */
  progress(percent: number): Promise<void> {
    const value = Math.max(0, Math.min(100, Math.floor(percent)));
    if (value <= this.lastPercent) return this.chain;
    this.lastPercent = value;
    return this.line({ type: "progress", percent: value });
  }

  log(level: LogEvent["level"], message: string, details?: Record<string, unknown>): Promise<void> {
    return this.line({ type: "log", level, message, ...(details ? { details } : {}) });
  }

  /** Op-specific event, e.g. `{type:"segments", ...}`. */
  emit(event: CustomEvent): Promise<void> {
    if (isReservedEventType(event.type)) throw new Error(`event type ${event.type} is reserved; use its own method`);
    return this.line(event);
  }

  /** A `file` event followed by exactly the file's bytes, streamed from disk. */
  file(name: string, filePath: string, contentType: string): Promise<void> {
    return this.enqueue(async () => {
      const { size } = await stat(filePath);
      await this.write(encodeLine({ type: "file", name, size, content_type: contentType }));
      let sent = 0;
      for await (const chunk of createReadStream(filePath, { highWaterMark: 256 * 1024 })) {
        const bytes = chunk as Buffer;
        sent += bytes.length;
        if (sent > size) throw new Error(`${name} grew while being sent`);
        await this.write(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
      }
      if (sent !== size) throw new Error(`${name} shrank while being sent (${sent} of ${size} bytes)`);
    });
  }

  result(data: ResultEvent["data"]): Promise<void> {
    return this.finish({ type: "result", data });
  }

  error(code: string, message: string, retryable: boolean): Promise<void> {
    return this.finish({ type: "error", code, message, retryable } satisfies ErrorEvent);
  }

  get finished(): boolean {
    return this.terminal;
  }

  /** Ends the stream; safe to call after the consumer is gone. */
  async close(): Promise<void> {
    await this.chain.catch(() => {});
    await this.writer.close().catch(() => {});
  }

  private finish(event: ResultEvent | ErrorEvent): Promise<void> {
    if (this.terminal) return Promise.reject(new Error("the event stream already has its terminal event"));
    this.terminal = true;
    return this.line(event);
  }

  private line(value: unknown): Promise<void> {
    return this.enqueue(() => this.write(encodeLine(value)));
  }

  // Serialised so a file's bytes are never interleaved with another event.
  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.chain.then(task);
    this.chain = next.catch(() => {});
    return next;
  }

  private async write(bytes: Uint8Array): Promise<void> {
    const gone = this.clientGone;
    let onGone: (() => void) | undefined;
    const left = new Promise<never>((_, reject) => {
      onGone = () => reject(gone?.reason);
      if (gone?.aborted) onGone();
      else gone?.addEventListener("abort", onGone, { once: true });
    });
    left.catch(() => {});
    try {
      await Promise.race([this.writer.ready, left]);
      await Promise.race([this.writer.write(bytes), left]);
    } catch (cause) {
      throw new StreamClosedError("the client closed the event stream", { cause });
    } finally {
      if (onGone) gone?.removeEventListener("abort", onGone);
    }
  }
}
