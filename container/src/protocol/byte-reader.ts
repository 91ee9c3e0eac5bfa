/**
 * Reads a byte stream as lines and exact-length sections: the shape of both framed requests
 * (header line + inputs) and event streams (ndjson lines + file bytes). Runtime-neutral (web streams only).
 */
export class FramingError extends Error {
  override name = "FramingError";
}

const NEWLINE = 0x0a;

/** Where the bytes come from: a web stream's reader, or in the media service a Node request (see node-body.ts). */
export interface ChunkSource {
  read(): Promise<{ done: true; value?: undefined } | { done: false; value: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
  /** Stop taking chunks but leave the source open, so its owner can drain it (a request answered early). */
  release?(): void;
}

export class ByteReader {
  private buffer: Uint8Array = new Uint8Array(0);
  private done = false;
  private readonly decoder = new TextDecoder();

  constructor(private readonly reader: ChunkSource) {}

  static from(stream: ReadableStream<Uint8Array>): ByteReader {
    return new ByteReader(stream.getReader());
  }

  /** Next line without its "\n"; null at a clean end of stream. Throws if a line exceeds maxBytes or ends unterminated. */
  async readLine(maxBytes: number): Promise<string | null> {
    for (;;) {
      const index = this.buffer.indexOf(NEWLINE);
      if (index >= 0) {
        if (index > maxBytes) throw new FramingError(`line longer than ${maxBytes} bytes`);
        const line = this.decoder.decode(this.buffer.subarray(0, index));
        this.buffer = this.buffer.subarray(index + 1);
        return line;
      }
      if (this.buffer.length > maxBytes) throw new FramingError(`line longer than ${maxBytes} bytes`);
      if (!(await this.fill())) {
        if (this.buffer.length === 0) return null;
        throw new FramingError("stream ended in the middle of a line");
      }
    }
  }

  /** Hands exactly `size` bytes to `sink` chunk by chunk (never buffering the section); throws if the stream ends early. */
  async readExactly(size: number, sink: (chunk: Uint8Array) => Promise<void> | void): Promise<void> {
    let remaining = size;
    while (remaining > 0) {
      if (this.buffer.length === 0 && !(await this.fill())) {
        throw new FramingError(`stream ended ${remaining} bytes short of a ${size}-byte section`);
      }
      const take = Math.min(remaining, this.buffer.length);
      const chunk = this.buffer.subarray(0, take);
      this.buffer = this.buffer.subarray(take);
      remaining -= take;
      const pending = sink(chunk);
      if (pending) await pending;
    }
  }

  /** True when nothing is left (used to reject trailing bytes after the last section). */
  async atEnd(): Promise<boolean> {
    return this.buffer.length === 0 && !(await this.fill());
  }

  /** Stops reading without cancelling the source (see ChunkSource.release); buffered bytes are dropped. */
  release(): void {
    this.done = true;
    this.buffer = new Uint8Array(0);
    this.reader.release?.();
  }

  async cancel(reason?: unknown): Promise<void> {
    this.done = true;
    await this.reader.cancel(reason).catch(() => {});
  }

  private async fill(): Promise<boolean> {
    while (!this.done) {
      const { value, done } = await this.reader.read();
      if (done) {
        this.done = true;
        return false;
      }
      if (value.length === 0) continue;
      if (this.buffer.length === 0) {
        this.buffer = value;
      } else {
        const merged = new Uint8Array(this.buffer.length + value.length);
        merged.set(this.buffer);
        merged.set(value, this.buffer.length);
        this.buffer = merged;
      }
      return true;
    }
    return false;
  }
}
