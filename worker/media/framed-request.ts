import { encodeLine, type RequestHeader } from "../../container/src/protocol/contract";
import { MediaClientErrorCode, MediaServiceError } from "./media-errors";

/** One input of a media call: a stream of exactly `size` bytes, e.g. an R2 object body. */
export interface MediaInput {
  name: string;
  size: number;
  body: ReadableStream<Uint8Array>;
}

/** An R2 object as a media input (streams the body; the object's size frames it). */
export const r2Input = (name: string, object: R2ObjectBody): MediaInput => ({
  name,
  size: object.size,
  body: object.body,
});

/**
 * The framed request body: header line, then each input's bytes in order. Streamed through a FixedLengthStream,
 * so the request carries a Content-Length and every write waits for the service to read (nothing is buffered).
 */
export function encodeFramedRequest(
  options: Record<string, unknown>,
  inputs: MediaInput[],
  signal?: AbortSignal,
): { body: ReadableStream<Uint8Array>; length: number; failure: () => unknown } {
  const header: RequestHeader = { ...options, inputs: inputs.map(({ name, size }) => ({ name, size })) };
  const headerBytes = encodeLine(header);
  const length = headerBytes.length + inputs.reduce((sum, input) => sum + input.size, 0);
  const { readable, writable } = new FixedLengthStream(length);
  const writer = writable.getWriter();

  const pump = async () => {
    await writer.write(headerBytes);
    for (const input of inputs) {
      let sent = 0;
      const reader = input.body.getReader();
      try {
        for (;;) {
          if (signal?.aborted) throw signal.reason;
          const { value, done } = await reader.read();
          if (done) break;
          sent += value.byteLength;
          if (sent > input.size) break;
          await writer.write(value);
        }
      } finally {
        reader.releaseLock();
      }
      if (sent !== input.size) {
        throw new MediaServiceError(
          MediaClientErrorCode.inputSize,
          `Input ${input.name} has ${sent > input.size ? "more" : "fewer"} bytes than its declared ${input.size}`,
          false,
        );
      }
    }
    await writer.close();
  };
  let failure: unknown;
  pump().catch(async (error) => {
    // Recorded before the abort below errors the request, so the caller sees why its fetch failed.
    failure = error;
    await writer.abort(error).catch(() => {});
    for (const input of inputs) await input.body.cancel(error).catch(() => {});
  });
  return { body: readable, length, failure: () => failure };
}
