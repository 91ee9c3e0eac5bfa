import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { Workspace } from "../workspace";
import { ArrivingFile } from "./arriving-file";
import { type ByteReader, FramingError } from "./byte-reader";
import { type InputDescriptor, MAX_HEADER_BYTES, type RequestHeader, RequestHeaderSchema } from "./contract";

/** A framing problem the client caused; the app answers 400 with this code. */
export class RequestError extends Error {
  override name = "RequestError";
  constructor(
    readonly code: "INVALID_HEADER" | "INVALID_BODY" | "MISSING_INPUT" | "INPUT_TOO_LARGE" | "INVALID_OPTIONS",
    message: string,
  ) {
    super(message);
  }
}

export interface InputFile {
  name: string;
  size: number;
  /** The bytes in the workspace. Complete when the op starts, unless the op `streamsInputs`. */
  path: string;
  /**
   * What ffmpeg and ffprobe should open: `path`, or for an op that `streamsInputs`, a loopback URL whose
   * reads wait for bytes still arriving.
   */
  source: string;
  /** Resolves once the first `bytes` bytes are on disk (at once when the input is complete). */
  waitFor(bytes: number): Promise<void>;
}

/** Reads and validates the JSON header line; the rest of the body stays unread in `reader`. */
export async function readRequestHeader(reader: ByteReader): Promise<RequestHeader> {
  let line: string | null;
  try {
    line = await reader.readLine(MAX_HEADER_BYTES);
  } catch (error) {
    throw new RequestError("INVALID_HEADER", `Header line is unreadable: ${(error as Error).message}`);
  }
  if (line === null) throw new RequestError("INVALID_HEADER", "Request body is empty; expected a JSON header line");
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new RequestError("INVALID_HEADER", "Header line is not valid JSON");
  }
  const parsed = RequestHeaderSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RequestError(
      "INVALID_HEADER",
      `Header is invalid at ${issue?.path.join(".") || "(root)"}: ${issue?.message}`,
    );
  }
  return parsed.data;
}

export interface ArrivingInputs {
  /** One file per declared input, created before any byte arrives. */
  files: Record<string, ArrivingFile>;
  /** Settles when every input is on disk and the body has ended; rejects with a RequestError on bad framing. */
  done: Promise<void>;
}

/**
 * Streams each declared input to its own workspace file, in header order, exactly `size` bytes each.
 * Returns at once, so an op can read the files while they arrive (see ArrivingFile).
 */
export function receiveInputs(reader: ByteReader, inputs: InputDescriptor[], workspace: Workspace): ArrivingInputs {
  const files = Object.fromEntries(
    inputs.map((input) => [input.name, new ArrivingFile(workspace.file(`input-${input.name}`), input.size)]),
  );
  const done = (async () => {
    for (const input of inputs) await writeInput(reader, input, files[input.name] as ArrivingFile);
    if (!(await reader.atEnd())) throw new RequestError("INVALID_BODY", "Request body has bytes after the last input");
  })();
  done.catch((error) => {
    for (const file of Object.values(files)) file.fail(error);
  });
  return { files, done };
}

async function writeInput(reader: ByteReader, input: InputDescriptor, file: ArrivingFile): Promise<void> {
  // A buffered write stream that is awaited only on backpressure: awaiting every chunk's write halves upload speed.
  const out = createWriteStream(file.path, { highWaterMark: 1024 * 1024 });
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  failed.catch(() => {});
  try {
    await reader.readExactly(input.size, (chunk) => {
      // The write callback fires once the chunk is in the file, which is when readers may have it.
      const length = chunk.length;
      const queued = out.write(chunk, (error) => {
        if (!error) file.advance(length);
      });
      return queued ? undefined : Promise.race([once(out, "drain").then(() => {}), failed]);
    });
    await Promise.race([new Promise<void>((resolve) => out.end(resolve)), failed]);
  } catch (error) {
    out.destroy();
    if (error instanceof FramingError) {
      throw new RequestError("INVALID_BODY", `Input ${input.name}: ${error.message}`);
    }
    throw error;
  }
}
