import { encodeLine, type RequestHeader } from "../../container/src/protocol/contract";
import { MediaClientErrorCode, MediaServiceError } from "./media-errors";

/** One input of a media call: a stream of exactly `size` bytes, e.g. an R2 object body. */
export interface MediaInput {
  name: string;
  size: number;
  /** The bytes, or their first part when `rest` follows. */
  body: ReadableStream<Uint8Array>;
  /** With `sizeFromStorage`: the parts after `body` in order, one per call, then undefined. */
  rest?: () => Promise<ReadableStream<Uint8Array> | undefined>;
  /** The size comes from storage itself (an R2 object), so the bytes need no counting on the way. */
  sizeFromStorage?: boolean;
}

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
  let writer = writable.getWriter();

  const pump = async () => {
    await writer.write(headerBytes);
    for (const input of inputs) {
      if (input.sizeFromStorage) {
        // The runtime pumps an R2 body natively: a 200 MiB input reached the service in 2.2-2.8 s instead of
        // 4.0-5.0 s with the read/write loop below. A wrong total still fails the request, because the
        // FixedLengthStream checks it.
        writer.releaseLock();
        for (let part: ReadableStream | undefined = input.body; part; part = await input.rest?.()) {
          await part.pipeTo(writable, { preventClose: true, signal });
        }
        writer = writable.getWriter();
        continue;
      }
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
    // After a failed pipe the writable is already aborted and unlocked; otherwise abort it through the writer.
    await (writable.locked ? writer.abort(error) : writable.abort(error)).catch(() => {});
    for (const input of inputs) await input.body.cancel(error).catch(() => {});
  });
  return { body: readable, length, failure: () => failure };
}
