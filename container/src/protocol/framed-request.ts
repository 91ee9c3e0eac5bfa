import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { Workspace } from "../workspace";
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
  path: string;
  size: number;
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

/** Streams each declared input to its own workspace file, in header order, exactly `size` bytes each. */
export async function readInputs(
  reader: ByteReader,
  inputs: InputDescriptor[],
  workspace: Workspace,
): Promise<Record<string, InputFile>> {
  const files: Record<string, InputFile> = {};
  for (const input of inputs) {
    const filePath = workspace.file(`input-${input.name}`);
    // A buffered write stream that is awaited only on backpressure: awaiting every chunk's write halves upload speed.
    const out = createWriteStream(filePath, { highWaterMark: 1024 * 1024 });
    const failed = new Promise<never>((_, reject) => out.once("error", reject));
    failed.catch(() => {});
    try {
      await reader.readExactly(input.size, (chunk) =>
        out.write(chunk) ? undefined : Promise.race([once(out, "drain").then(() => {}), failed]),
      );
      await Promise.race([new Promise<void>((resolve) => out.end(resolve)), failed]);
    } catch (error) {
      out.destroy();
      if (error instanceof FramingError) {
        throw new RequestError("INVALID_BODY", `Input ${input.name}: ${error.message}`);
      }
      throw error;
    }
    files[input.name] = { name: input.name, path: filePath, size: input.size };
  }
  if (!(await reader.atEnd())) throw new RequestError("INVALID_BODY", "Request body has bytes after the last input");
  return files;
}
