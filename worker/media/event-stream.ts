import type { z } from "zod";
import { ByteReader, FramingError } from "../../container/src/protocol/byte-reader";
import {
  type CustomEvent,
  ErrorEventSchema,
  FileEventSchema,
  isReservedEventType,
  type LogEvent,
  LogEventSchema,
  ProgressEventSchema,
  ResultEventSchema,
} from "../../container/src/protocol/contract";
import { MediaClientErrorCode, MediaServiceError } from "./media-errors";

/** A `file` event's bytes: exactly `size` bytes, with a known length so it can go straight into R2.put. */
export interface MediaFile {
  name: string;
  size: number;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

/** `Event` is the union of the op's own events (none by default), as its contract declares them. */
export interface MediaEventHandlers<Event = never> {
  onProgress?(percent: number): void | Promise<void>;
  onLog?(event: LogEvent): void | Promise<void>;
  /**
   * Receives each produced file; must read `body` to the end (e.g. `await bucket.put(key, file.body)`) or cancel it.
   * Without a handler, files are skipped.
   */
  onFile?(file: MediaFile): Promise<void>;
  /** The op's own events such as transcribe's `{type:"segments", ...}`, parsed with its contract. */
  onEvent?(event: Event): void | Promise<void>;
}

const MAX_EVENT_LINE_BYTES = 16 * 1024 * 1024;

function parseLine(line: string): CustomEvent {
  try {
    const value = JSON.parse(line) as unknown;
    if (value && typeof value === "object" && typeof (value as { type?: unknown }).type === "string") {
      return value as CustomEvent;
    }
  } catch {
    // reported below
  }
  throw new MediaServiceError(MediaClientErrorCode.protocol, "The media service sent an unreadable event", false);
}

function checked<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  event: CustomEvent,
): T {
  const parsed = schema.safeParse(event);
  if (!parsed.success) {
    throw new MediaServiceError(
      MediaClientErrorCode.protocol,
      `The media service sent a malformed ${event.type} event`,
      false,
    );
  }
  return parsed.data;
}

/** Hands one file's bytes to the handler while reading them off the stream; both sides finish together. */
async function deliverFile(
  reader: ByteReader,
  file: Omit<MediaFile, "body">,
  handler: MediaEventHandlers<unknown>["onFile"],
) {
  const { readable, writable } = new FixedLengthStream(file.size);
  const writer = writable.getWriter();
  let consumerGone = false;
  const pumping = reader
    .readExactly(file.size, async (chunk) => {
      if (consumerGone) return; // keep the stream aligned even if the handler stopped reading
      // A copy: workerd may detach a written buffer, and `chunk` shares one with the bytes still to be read.
      await writer.write(chunk.slice()).catch(() => {
        consumerGone = true;
      });
    })
    .then(() => writer.close().catch(() => {}));
  const consuming = handler
    ? handler({ ...file, body: readable }).catch((cause) => {
        throw new MediaServiceError(
          MediaClientErrorCode.fileHandler,
          `Storing ${file.name} failed: ${(cause as Error)?.message ?? cause}`,
          true,
          { cause },
        );
      })
    : readable.pipeTo(new WritableStream());
  try {
    await Promise.all([pumping, consuming]);
  } catch (error) {
    await writer.abort(error).catch(() => {});
    throw error;
  }
}

/**
 * Reads an event stream to its terminal event; returns `result.data`, throws MediaServiceError for `error`.
 * The op's own events are parsed with `eventSchemas` (by type); types the contract does not declare are skipped.
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  handlers: MediaEventHandlers<unknown>,
  eventSchemas: { readonly [type: string]: z.ZodType },
): Promise<Record<string, unknown>> {
  const source = body.getReader();
  const reader = new ByteReader({
    // A connection that breaks mid-answer (the process or container died) is the instance's loss, not the op's.
    read: () =>
      source.read().catch((cause: unknown) => {
        throw new MediaServiceError(
          MediaClientErrorCode.instanceLost,
          `The connection to the media service broke mid-answer (${(cause as Error)?.message ?? cause}); the call can be retried`,
          true,
          { cause },
        );
      }),
    cancel: (reason) => source.cancel(reason),
  });
  try {
    for (;;) {
      const line = await reader.readLine(MAX_EVENT_LINE_BYTES);
      if (line === null) {
        throw new MediaServiceError(
          MediaClientErrorCode.instanceLost,
          "The media service stopped before finishing (its instance may have died); the call can be retried",
          true,
        );
      }
      const event = parseLine(line);
      switch (event.type) {
        case "progress":
          await handlers.onProgress?.(checked(ProgressEventSchema, event).percent);
          break;
        case "log":
          await handlers.onLog?.(checked(LogEventSchema, event));
          break;
        case "file": {
          const file = checked(FileEventSchema, event);
          await deliverFile(
            reader,
            { name: file.name, size: file.size, contentType: file.content_type },
            handlers.onFile,
          );
          break;
        }
        case "result": {
          const { data } = checked(ResultEventSchema, event);
          // The service ends the stream only after removing the call's workspace, so wait for the end.
          if (!(await reader.atEnd())) {
            throw new MediaServiceError(
              MediaClientErrorCode.protocol,
              "The media service sent data after its result",
              false,
            );
          }
          return data;
        }
        case "error": {
          const error = checked(ErrorEventSchema, event);
          throw new MediaServiceError(error.code, error.message, error.retryable);
        }
        default: {
          const schema = isReservedEventType(event.type) ? undefined : eventSchemas[event.type];
          if (schema) await handlers.onEvent?.(checked(schema, event));
        }
      }
    }
  } catch (error) {
    await reader.cancel(error);
    if (error instanceof FramingError) {
      throw new MediaServiceError(
        MediaClientErrorCode.instanceLost,
        `The media service's answer was cut off (${error.message}); the call can be retried`,
        true,
        { cause: error },
      );
    }
    throw error;
  }
}
