import { StorageError } from "./errors";

export interface PartHeaders {
  name: string;
  /** Present for file fields (even when empty); undefined for plain fields. */
  filename?: string;
  contentType?: string;
}

const MAX_HEADER_BYTES = 16 * 1024;
const READ_SIZE = 256 * 1024;
const encoder = new TextEncoder();
const CRLF = encoder.encode("\r\n");
const HEADER_END = encoder.encode("\r\n\r\n");

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0]!;
  const last = haystack.length - needle.length;
  for (let i = haystack.indexOf(first, from); i !== -1 && i <= last; i = haystack.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** The boundary of a `multipart/form-data` Content-Type, or undefined when it is not one. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data\s*(;|$)/i.test(contentType)) return undefined;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/** A parameter of a Content-Disposition header; RFC 5987 `name*=UTF-8''...` wins over the plain form. */
function dispositionParam(header: string, name: string): string | undefined {
  const extended = new RegExp(`;\\s*${name}\\*\\s*=\\s*([^;]*)`, "i").exec(header)?.[1];
  if (extended) {
    const value = /^utf-8''(.*)$/i.exec(extended.trim())?.[1];
    if (value !== undefined) {
      try {
        return decodeURIComponent(value);
      } catch {
        // fall back to the plain parameter
      }
    }
  }
  const plain = new RegExp(`;\\s*${name}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, "i").exec(header);
  if (!plain) return undefined;
  return plain[1] !== undefined ? plain[1].replace(/\\(.)/g, "$1") : plain[2]!.trim();
}

/**
 * A streaming multipart/form-data reader: parts are read one after another straight from the request
 * body, and a part's bytes are yielded as they arrive, so memory stays at one network chunk plus the
 * boundary length. (workerd's `request.formData()` reads the whole body first, which a 500 MB upload
 * cannot afford.)
 */
export class MultipartReader {
  private readonly reader: ReadableStreamBYOBReader | ReadableStreamDefaultReader<Uint8Array>;
  private readonly delimiter: Uint8Array;
  // A leading CRLF lets a boundary at the very start of the body match `\r\n--boundary` like every other.
  private buf: Uint8Array = CRLF;
  private state: "preamble" | "headers" | "body" | "end" = "preamble";
  private exhausted = false;
  private spare?: ArrayBuffer;

  constructor(body: ReadableStream<Uint8Array>, boundary: string) {
    this.delimiter = encoder.encode(`\r\n--${boundary}`);
    // Request bodies arrive in ~4 KiB chunks; reading them into large buffers (workerd's readAtLeast)
    // makes the per-chunk work (boundary scan, hashing, copying) run ~64x less often.
    try {
      this.reader = body.getReader({ mode: "byob" });
    } catch {
      this.reader = body.getReader();
    }
  }

  private async fill(): Promise<boolean> {
    if (this.exhausted) return false;
    if (this.reader instanceof ReadableStreamBYOBReader) {
      // The unconsumed tail (at most a delimiter's length in the body) goes first in the new buffer,
      // so the received bytes never need a second copy to be scanned together with it.
      const tail = this.buf.length;
      // Two buffers take turns: by the time more bytes are needed, the consumer is done with every
      // chunk yielded from the older one, so it is reused instead of leaving garbage behind.
      const spare =
        this.spare && this.spare.byteLength >= tail + READ_SIZE ? this.spare : new ArrayBuffer(tail + READ_SIZE);
      const target = new Uint8Array(spare, 0, tail + READ_SIZE);
      target.set(this.buf);
      const previous = this.buf.buffer;
      const { value, done } = await this.reader.readAtLeast(READ_SIZE, target.subarray(tail));
      if (done) this.exhausted = true;
      if (!value || value.byteLength === 0) return false;
      this.buf = new Uint8Array(value.buffer, 0, tail + value.byteLength);
      this.spare = previous instanceof ArrayBuffer && previous.byteLength >= READ_SIZE ? previous : undefined;
      return true;
    }
    const { value, done } = await this.reader.read();
    if (done) {
      this.exhausted = true;
      return false;
    }
    const chunk = value instanceof Uint8Array ? value : new Uint8Array(value);
    this.buf = this.buf.length === 0 ? chunk : concat(this.buf, chunk);
    return true;
  }

  private malformed(message: string): never {
    throw new StorageError("malformed_multipart", `Malformed multipart body: ${message}`);
  }

  /** Moves to the next part's headers; null once the closing boundary is reached. */
  async nextPart(): Promise<PartHeaders | null> {
    if (this.state === "body") for await (const _ of this.partBody());
    if (this.state === "preamble") {
      for (;;) {
        const at = indexOfBytes(this.buf, this.delimiter);
        if (at !== -1) {
          this.buf = this.buf.subarray(at + this.delimiter.length);
          break;
        }
        this.buf = this.buf.subarray(Math.max(0, this.buf.length - this.delimiter.length + 1));
        if (!(await this.fill())) this.malformed("no boundary found");
      }
      this.state = "headers";
    }
    if (this.state === "end") return null;

    while (this.buf.length < 2) if (!(await this.fill())) this.malformed("body ends after a boundary");
    if (this.buf[0] === 0x2d && this.buf[1] === 0x2d) {
      this.state = "end";
      return null;
    }
    // The headers block runs from the CRLF after the boundary to the first empty line.
    let end = indexOfBytes(this.buf, HEADER_END);
    while (end === -1) {
      if (this.buf.length > MAX_HEADER_BYTES) this.malformed("part headers too large");
      if (!(await this.fill())) this.malformed("body ends inside part headers");
      end = indexOfBytes(this.buf, HEADER_END);
    }
    const lines = new TextDecoder().decode(this.buf.subarray(0, end)).split("\r\n");
    this.buf = this.buf.subarray(end + HEADER_END.length);
    this.state = "body";

    const header = (name: string) =>
      lines
        .find((line) => line.toLowerCase().startsWith(`${name}:`))
        ?.slice(name.length + 1)
        .trim();
    const disposition = header("content-disposition");
    if (!disposition || !/^form-data\b/i.test(disposition)) this.malformed("part without form-data disposition");
    const name = dispositionParam(disposition, "name");
    if (name === undefined) this.malformed("part without a name");
    return { name, filename: dispositionParam(disposition, "filename"), contentType: header("content-type") };
  }

  /** The current part's bytes, as views into the read buffers: each is valid until the next one is requested. */
  async *partBody(): AsyncGenerator<Uint8Array> {
    if (this.state !== "body") return;
    const keep = this.delimiter.length - 1;
    for (;;) {
      const at = indexOfBytes(this.buf, this.delimiter);
      if (at !== -1) {
        const data = this.buf.subarray(0, at);
        this.buf = this.buf.subarray(at + this.delimiter.length);
        this.state = "headers";
        if (data.length > 0) yield data;
        return;
      }
      // Everything except a possible partial delimiter at the end is part data.
      if (this.buf.length > keep) {
        const data = this.buf.subarray(0, this.buf.length - keep);
        this.buf = this.buf.subarray(this.buf.length - keep);
        yield data;
      }
      if (!(await this.fill())) this.malformed("body ends inside a part");
    }
  }

  /** Stops reading the request body (after the wanted part, or on failure). */
  async cancel(): Promise<void> {
    this.state = "end";
    await this.reader.cancel().catch(() => undefined);
  }
}
